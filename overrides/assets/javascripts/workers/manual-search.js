/* Search worker of the manual: Material's own worker with this file appended at build time
 * (build_tools/search/site_index.py, write_worker), so the one file needs no parameters and runs the
 * same as a real worker (http) and inside iframe-worker's shim (the offline zip, file://).
 *
 * - Stemming before prefix matching. Material appends a wildcard to every query term ("betänketiden*"),
 *   and lunr skips its pipeline for wildcard terms: inflected words never met the stemmed index
 *   ("betänketid"). Here each such term is stemmed as the query is parsed ("betänketid*").
 * - Stop words and question words ("vem", "hur", "vad gör jag") are dropped unless the query has
 *   nothing else, so they do not drown the content words.
 * - An abbreviation typed in capitals ("NSP") matches as a whole word, not as a prefix ("NSPM").
 * - Typos: a word of five letters or more also matches the index's words one edit away, weighted
 *   below exact matches ("betänkettid" finds "betänketid").
 * The language comes from Material's setup message (its `config.lang`).
 */
;(function () {
  const lunr = self.lunr
  const SETUP = 0  // Material's SearchMessageType.SETUP
  // kept equal to FILLER_WORDS in build_tools/search/language.py (a test compares them)
  const FILLER = new Set([
    "vem", "vilka", "vilken", "vilket", "hur", "vad", "var", "när", "varför", "gör", "göra", "gäller",
    "jag", "man", "kan", "ska", "måste", "får", "finns", "om", "är", "en", "ett", "det", "den", "med",
    "who", "what", "which", "when", "where", "why", "how", "do", "does", "i", "can", "should", "must",
    "is", "are", "the", "a", "an", "of", "to", "for"
  ])
  const FUZZY_MIN = 5
  const FUZZY_BOOST = 0.1
  let language = "en"

  addEventListener("message", event => {
    const message = event.data
    if (message && message.type === SETUP)
      language = message.data.config.lang[0] || "en"
  })

  /* lunr's English stemmer and stop words live on lunr itself; Material loads the others at setup */
  function languageSupport(name) {
    return language === "en" ? lunr[name] : lunr[language] && lunr[language][name]
  }

  function isStopWord(word) {
    if (FILLER.has(word.toLowerCase()))
      return true
    const filter = languageSupport("stopWordFilter")
    return typeof filter === "function" && filter(new lunr.Token(word)) === undefined
  }

  function stem(word) {
    const stemmer = languageSupport("stemmer")
    return typeof stemmer === "function" ? stemmer(new lunr.Token(word)).toString() || word : word
  }

  /* 'NSP' typed in capitals is the abbreviation, not every word it begins ('NSPM'); lunr has
   * lowercased the clause, so look at the word as typed */
  function isAbbreviation(parser, word) {
    for (let i = parser.lexemeIdx - 1; i >= 0; i--) {
      const lexeme = parser.lexemes[i]
      if (lexeme.type === lunr.QueryLexer.TERM)
        return lexeme.str.replace(/\*$/, "").toLowerCase() === word && /^[A-ZÅÄÖ]{2,8}$/.test(lexeme.str.replace(/\*$/, ""))
    }
    return false
  }

  const nextClause = lunr.QueryParser.prototype.nextClause
  lunr.QueryParser.prototype.nextClause = function () {
    const clause = this.currentClause
    const prefix = /^([^*]+)\*$/.exec(clause.term || "")
    if (prefix && clause.usePipeline === false) {
      clause.stopWord = isStopWord(prefix[1])
      clause.typed = prefix[1]
      clause.term = isAbbreviation(this, prefix[1]) ? prefix[1] : `${stem(prefix[1])}*`
    }
    return nextClause.call(this)
  }

  const query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (build) {
    return query.call(this, clauses => {
      build(clauses)
      const words = clauses.clauses.filter(clause => !clause.stopWord)
      if (words.length)
        clauses.clauses = words
      for (const clause of words.slice()) {
        const term = clause.term.replace(/\*$/, "")
        if (clause.typed && [...clause.typed].length >= FUZZY_MIN && clause.presence !== lunr.Query.presence.PROHIBITED)
          clauses.clause({
            fields: clause.fields,
            term,
            editDistance: 1,
            boost: (clause.boost || 1) * FUZZY_BOOST,
            usePipeline: false,
            wildcard: lunr.Query.wildcard.NONE,
            presence: lunr.Query.presence.OPTIONAL
          })
      }
    })
  }
})()
