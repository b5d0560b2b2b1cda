/* leerpad: stem the words a reader types before they are matched as prefixes.
   Material's search appends "*" to every typed word, and lunr skips the stemmer for
   wildcard terms, so "klanten*" never met the indexed stem "klant". Appended to the
   language file that Material's search worker loads, right after lunr itself.

   Two things follow from it:
   - Material marks a typed word "missing" (Ontbreekt: ~~klanten~~) when no matched
     index term starts with it; the matched term is the stem "klant". Each result that
     matched a stem therefore also lists the typed word among its matched terms, with
     no positions (so nothing extra is highlighted).
   - A search that finds nothing is tried once more with one typing error allowed per
     word (lunr's edit distance, still as a prefix): "glimlag" finds "glimlach". */
(function (lunr) {
  if (!lunr || !lunr.Index || lunr.Index.prototype.leerpadStemPrefix) return;
  var query = lunr.Index.prototype.query;
  var fromClause = lunr.TokenSet.fromClause;
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var PREFIX = /^[^*]+\*$/;
  // Shorter words with a typo allowed match too much to be of use.
  var FUZZY_MIN_LENGTH = 4;
  lunr.Index.prototype.leerpadStemPrefix = true;

  // A word within one edit of the clause's term, followed by anything.
  lunr.TokenSet.fromClause = function (clause) {
    if (!clause.leerpadFuzzyPrefix) return fromClause.call(this, clause);
    var set = lunr.TokenSet.fromFuzzyString(clause.term, 1);
    var stack = [set];
    var seen = [];
    while (stack.length) {
      var node = stack.pop();
      if (seen.indexOf(node) !== -1) continue;
      seen.push(node);
      Object.keys(node.edges).forEach(function (edge) { stack.push(node.edges[edge]); });
      if (node.final) node.edges["*"] = node;
    }
    return set;
  };

  // One letter wrong, missing, extra, or swapped with the next: what fromFuzzyString allows.
  function withinOneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) ||
      a.slice(i) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  function stemPrefixes(clauses, pipeline, typed) {
    clauses.forEach(function (clause) {
      // A parsed "word*" keeps its star in the term; query builders set a flag instead.
      if (!PREFIX.test(clause.term) && clause.wildcard !== TRAILING) return;
      var word = clause.term.replace(/\*$/, "");
      var stems = pipeline.runString(word);
      if (stems.length !== 1 || !stems[0]) return;
      clause.term = stems[0] + "*";
      typed.push({ word: word, stem: stems[0], clause: clause });
    });
  }

  function allowOneTypo(typed) {
    var changed = false;
    typed.forEach(function (entry) {
      if (entry.stem.length < FUZZY_MIN_LENGTH) return;
      entry.clause.term = entry.stem;
      entry.clause.wildcard = lunr.Query.wildcard.NONE;
      entry.clause.usePipeline = false; // the stem is what the index holds
      entry.clause.leerpadFuzzyPrefix = true;
      changed = true;
    });
    return changed;
  }

  function listTypedWords(results, typed) {
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      var terms = Object.keys(metadata);
      typed.forEach(function (entry) {
        if (entry.word in metadata) return;
        var found = terms.some(function (term) {
          if (!entry.clause.leerpadFuzzyPrefix) return term.indexOf(entry.stem) === 0;
          return [-1, 0, 1].some(function (more) {
            return withinOneEdit(term.slice(0, entry.stem.length + more), entry.stem);
          });
        });
        if (found) metadata[entry.word] = {};
      });
    });
    return results;
  }

  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    var typed = [];
    var built = null;
    var results = query.call(this, function (q) {
      build.call(q, q);
      stemPrefixes(q.clauses, pipeline, typed);
      built = q;
    });
    if (!results.length && built && allowOneTypo(typed)) {
      var clauses = built.clauses;
      results = query.call(this, function (q) { q.clauses = clauses; });
    }
    return listTypedWords(results, typed);
  };
})(typeof lunr !== "undefined" ? lunr : undefined);
