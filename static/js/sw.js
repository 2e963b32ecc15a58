// Brücke's service worker: the layout and the pages a person opened stay readable offline; an offline page in
// their language stands in for the rest. The server puts its configuration (self.BRUECKE_SW) in front of this.
"use strict";

var CONFIG = self.BRUECKE_SW;
var SHELL = "bruecke-shell-" + CONFIG.version;
var PAGES = "bruecke-pages";
var VIEWER = "/__bruecke_viewer__";
var KEEP = CONFIG.keep.map(function (pattern) {
  return new RegExp(pattern);
});

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      return cache.addAll(CONFIG.precache);
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("bruecke-shell-") === 0 && name !== SHELL;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

// A page of another login must never be shown: when the server names a different viewer, the kept pages go.
function sameViewer(viewer) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(VIEWER).then(function (stored) {
      return stored ? stored.text() : null;
    }).then(function (previous) {
      if (previous === viewer) {
        return cache;
      }
      return caches.delete(PAGES).then(function () {
        return caches.open(PAGES);
      }).then(function (fresh) {
        return fresh.put(VIEWER, new Response(viewer)).then(function () {
          return fresh;
        });
      });
    });
  });
}

function offlinePage(url) {
  var page = CONFIG.offline[url.pathname.split("/")[1]];
  return caches.match(page || CONFIG.offline[CONFIG.defaultLanguage]).then(function (kept) {
    return kept || caches.match(CONFIG.offline[CONFIG.defaultLanguage]);
  });
}

// The offline page of a language is kept once a page in that language was opened online.
function keepOfflinePage(url) {
  var page = CONFIG.offline[url.pathname.split("/")[1]];
  if (!page) {
    return Promise.resolve();
  }
  return caches.open(SHELL).then(function (cache) {
    return cache.match(page).then(function (kept) {
      return kept || cache.add(page);
    });
  }).catch(function () {});
}

function navigate(event) {
  var request = event.request;
  var url = new URL(request.url);
  return fetch(request).then(function (response) {
    if (response.ok) {
      event.waitUntil(keepOfflinePage(url));
    }
    var viewer = response.headers.get("X-Bruecke-Viewer");
    if (!viewer) {
      return response;
    }
    var keep = response.ok && !response.redirected && KEEP.some(function (pattern) {
      return pattern.test(url.pathname);
    });
    var copy = keep ? response.clone() : null;
    return sameViewer(viewer).then(function (cache) {
      return keep ? cache.put(url.pathname, copy) : null;
    }).then(function () {
      return response;
    });
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(url.pathname);
    }).then(function (kept) {
      return kept || offlinePage(url);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
    return;
  }
  if (CONFIG.precache.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.match(url.pathname).then(function (kept) {
      return kept || fetch(request);
    }));
  }
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "forget-pages") {
    event.waitUntil(caches.delete(PAGES));
  }
});
