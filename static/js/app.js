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

  // Search pages: after "Show offers" (or another page of results) the reader lands on the results heading,
  // which a screen reader announces; without JavaScript the page simply starts at the top.
  var RESULTS_FLAG = "bruecke:to-results";
  function rememberToGoToResults() {
    try { sessionStorage.setItem(RESULTS_FLAG, "1"); } catch (error) { /* storage may be off */ }
  }
  document.addEventListener("submit", function (event) {
    if (event.target.matches("[data-search-form]")) rememberToGoToResults();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-to-results]")) rememberToGoToResults();
  });
  var resultsHeading = document.querySelector("[data-results-heading]");
  var toResults = false;
  try {
    toResults = sessionStorage.getItem(RESULTS_FLAG) === "1";
    sessionStorage.removeItem(RESULTS_FLAG);
  } catch (error) { /* storage may be off */ }
  if (resultsHeading && toResults && !document.querySelector("[data-error-summary]")) {
    resultsHeading.focus();
    resultsHeading.scrollIntoView({ block: "start" });
  }
  // On wide screens the filters stand open beside the results; on phones they fold into one line.
  var filters = document.querySelector("[data-search-filters]");
  if (filters && window.matchMedia("(min-width: 992px)").matches) {
    filters.open = true;
  }

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
