/* Runs before Material's bundle: swap its search worker for ours (manual-search.js next to it, which
 * is Material's worker with our query handling appended at build time). The same file runs over http
 * and from file://, where iframe-worker's shim runs it in a hidden frame. */
(function () {
  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  if (!config.search)  // the search plugin is off
    return
  config.search = new URL("manual-search.js", new URL(config.search, document.baseURI)).href
  element.textContent = JSON.stringify(config)

  /* Our worker builds its index once the search is opened (workers/manual-search-first.js): the first
   * worker the page makes is Material's search worker, told when the search box gets the focus or the
   * search is opened on a phone. From file:// Material waits for the search to open by itself. */
  if (location.protocol === "file:")
    return
  const PREPARE = "manual-prepare"
  const NativeWorker = window.Worker
  window.Worker = function (url, options) {
    window.Worker = NativeWorker
    const worker = new NativeWorker(url, options)
    const prepare = () => worker.postMessage({ type: PREPARE })
    document.addEventListener("focusin", event => {
      if (event.target.matches && event.target.matches("[data-md-component=search-query]"))
        prepare()
    })
    document.addEventListener("change", event => {
      if (event.target.id === "__search" && event.target.checked)
        prepare()
    })
    return worker
  }
})()
