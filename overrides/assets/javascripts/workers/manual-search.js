/* Search worker of the manual: Material's own worker, with stemming before prefix matching.
 *
 * Material appends a wildcard to every query term ("betänketiden*"), and lunr skips the stemmer
 * for wildcard terms, so inflected words never met the stemmed index. Here each such term is
 * stemmed first ("betänketid*"), with the pipeline of the site's language. The page passes the
 * name of Material's worker (it changes with every release) as `?material=`.
 */
importScripts(new URL(self.location.href).searchParams.get("material"))

const query = self.lunr.Index.prototype.query
self.lunr.Index.prototype.query = function (build) {
  const searchPipeline = this.pipeline
  return query.call(this, function (clauses) {
    build(clauses)
    for (const clause of clauses.clauses) {
      const prefix = /^([^*]+)\*$/.exec(clause.term)
      if (prefix && !clause.usePipeline) {
        const [stem] = searchPipeline.runString(prefix[1])
        if (stem) clause.term = `${stem}*`
      }
    }
  })
}
