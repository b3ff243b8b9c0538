/* Runs before Material's search worker (build_tools/engine/search_index.py puts it first in the site's
 * worker file): the search index is built when the reader opens the search, not on every page view.
 *
 * Material sends the whole index to its worker as a page opens, and the worker builds its lunr index at
 * once: on a phone that is work on every page view, for a search most visits never make. Here the setup
 * message is held and answered "ready" at once; it runs when the page says the search was opened
 * (PREPARE, from assets/manual/search-setup.js) or at the first query with a word in it, whichever
 * comes first. From file:// (the offline zip, iframe-worker) Material itself sends the index only once
 * the search is opened, so there this file steps aside.
 *
 * `self.manualSearchIndex` says which it is ("held" or "built"), for the tests.
 */
;(function () {
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3  // Material's SearchMessageType
  const PREPARE = "manual-prepare"  // ours: the search was opened
  if (typeof parent !== "undefined" && "IFrameWorker" in parent)
    return
  const listen = self.addEventListener
  const post = self.postMessage.bind(self)

  /* Material's worker registers one message listener, first: that one is wrapped, later ones are not */
  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return listen.call(self, type, listener, options)
    self.addEventListener = listen
    let held = null      // Material's setup message, until a search needs the index
    let queue = null     // Material's setup and the messages after it, in order
    let readySaid = false
    self.postMessage = function (message, ...rest) {
      if (message && message.type === READY) {
        if (readySaid)  // Material's own, once the held setup has run
          return
        readySaid = true
      }
      return post(message, ...rest)
    }
    function build(setup) {
      return Promise.resolve(listener(setup)).then(() => { self.manualSearchIndex = "built" })
    }
    listen.call(self, "message", event => {
      const message = event.data || {}
      if (message.type === PREPARE) {
        if (held && !queue)
          queue = build(held)
      } else if (queue) {
        queue = queue.then(() => listener(event), () => listener(event))
      } else if (message.type === SETUP) {
        held = event
        self.manualSearchIndex = "held"
        self.postMessage({ type: READY })
      } else if (held && message.type === QUERY && !String(message.data).trim()) {
        post({ type: RESULT, data: { items: [] } })  // nothing typed yet: nothing to find
      } else if (held) {
        queue = build(held).then(() => listener(event))
      } else {
        listener(event)
      }
    }, options)
  }
})()
