// Progressive enhancements for every page; everything works without them.
(function () {
  "use strict";
  var script = document.currentScript;

  // Installable and readable offline: the service worker covers the whole site.
  if ("serviceWorker" in navigator && script && script.dataset.serviceWorker) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(script.dataset.serviceWorker, { scope: "/" }).catch(function () {});
    });
  }

  // Share: the system's share sheet where there is one, else copy the link; without JavaScript the link
  // opens an e-mail with the address of the offer.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-share]");
    if (!link) {
      return;
    }
    var url = link.dataset.shareUrl;
    var status = document.getElementById(link.dataset.shareStatus);
    if (navigator.share) {
      event.preventDefault();
      navigator.share({ title: link.dataset.shareTitle, url: url }).catch(function () {});
    } else if (navigator.clipboard && window.isSecureContext) {
      event.preventDefault();
      navigator.clipboard.writeText(url).then(function () {
        if (status) {
          status.textContent = link.dataset.shareCopied;
        }
      });
    }
  });

  // The offline page lists the pages kept on this device.
  var list = document.querySelector("[data-kept-pages]");
  if (list && window.caches) {
    caches.open("bruecke-pages").then(function (cache) {
      return cache.keys();
    }).then(function (requests) {
      var pages = requests.filter(function (request) {
        return new URL(request.url).pathname !== "/__bruecke_viewer__";
      });
      pages.forEach(function (request) {
        caches.match(request).then(function (response) {
          return response.text();
        }).then(function (html) {
          var title = new DOMParser().parseFromString(html, "text/html").title;
          var item = document.createElement("li");
          var anchor = document.createElement("a");
          anchor.href = new URL(request.url).pathname;
          anchor.textContent = title || anchor.href;
          item.appendChild(anchor);
          list.appendChild(item);
          list.hidden = false;
        });
      });
    });
  }
})();
