// Marks an open conversation read without a click; without JavaScript the button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-mark-read]");
  if (!form || !window.fetch) {
    return;
  }
  fetch(form.action, {
    method: "POST",
    body: new FormData(form),
    credentials: "same-origin",
    headers: { "X-Requested-With": "fetch" },
  }).then(function (response) {
    if (response.ok) {
      form.hidden = true;
    }
  });
})();
