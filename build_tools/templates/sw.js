/* Manualen's service worker (written by build_tools/webapp.py): keeps every file of the site after
 * the first visit, so that every page, the decision aid and search work with no network. It handles
 * only requests to this site's own origin and sends nothing anywhere. */
"use strict"

const VERSION = __VERSION__
const CACHE = "manualen-" + VERSION
const FILES = __FILES__

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) {
        const urls = FILES.map(function (file) { return new URL(file, self.registration.scope).href })
        return cache.addAll(urls)
      })
      .then(function () { return self.skipWaiting() })
  )
})

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("manualen-") === 0 && name !== CACHE
        }).map(function (name) { return caches.delete(name) }))
      })
      .then(function () { return self.clients.claim() })
  )
})

self.addEventListener("fetch", function (event) {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== "GET" || url.origin !== self.location.origin)
    return
  // the site's own files from the cache (the address's query, e.g. the decision aid's answers, is
  // read by the page itself); anything else from the network, as without a service worker
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, {ignoreSearch: true}).then(function (cached) {
        if (cached && url.search) {
          // a fresh response carries no address of its own, so the page or worker keeps the one it
          // asked for, query included (the search worker reads its settings from it)
          return new Response(cached.body, {status: cached.status, statusText: cached.statusText, headers: cached.headers})
        }
        if (cached)
          return cached
        if (request.mode === "navigate" && !url.pathname.endsWith("/")) {
          return cache.match(url.pathname + "/", {ignoreSearch: true}).then(function (page) {
            return page || fetch(request)
          })
        }
        return fetch(request)
      })
    })
  )
})
