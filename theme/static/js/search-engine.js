/* The search engine: loads the index that search_index.py builds and ranks documents.
 *
 * The index is lunr's (Python `lunr` at build time), cut by term into shards; a query
 * loads the manifest, then only the shards its words fall in, and the document-store
 * chunks of the results shown. Needs lunr.js and fold.js loaded before it.
 *
 *   var engine = portalSearchEngine.create(manifestUrl);
 *   engine.manifest().then(meta => engine.run(meta, engine.plan(meta, "dữ liệu", false)))
 */
(function (root) {
  "use strict";

  var MAX_WORDS = 10;
  var PAIR_BOOST = 3; // two query words found side by side
  var WHOLE_BOOST = 4; // all query words found as one key ("3183_kh_stp")
  var WILDCARD_SHARDS = 3; // a word being typed matches as a prefix if its range spans few shards
  var KIND_ORDER = "pstcun"; // equal scores: plans, sections, tasks, targets, units, updates

  function create(manifestUrl) {
    var fold = root.portalFold.fold;
    manifestUrl = new URL(manifestUrl, document.baseURI);

    /* ---- data ------------------------------------------------------------------- */

    var manifest = null;
    var shardCache = {};
    var chunkCache = {};

    function getJson(name) {
      return fetch(new URL(name, manifestUrl).href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(name + ": " + response.status);
        }
        return response.json();
      });
    }

    function loadManifest() {
      if (!manifest) {
        manifest = getJson(manifestUrl.href).then(function (data) {
          data.unitIds = {};
          data.units.forEach(function (unit, number) {
            data.unitIds[unit[0]] = number;
          });
          return data;
        });
      }
      return manifest;
    }

    function loadShard(meta, number) {
      if (!shardCache[number]) {
        shardCache[number] = getJson(meta.termFiles[number]).then(function (data) {
          return lunr.Index.load(data);
        });
      }
      return shardCache[number];
    }

    function loadChunk(meta, number) {
      if (!chunkCache[number]) {
        chunkCache[number] = getJson(meta.docFiles[number]);
      }
      return chunkCache[number];
    }

    /* The shard holding `term`: the last one whose first term is not after it. */
    function shardOf(meta, term) {
      var low = 0;
      var high = meta.bounds.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (meta.bounds[middle] <= term) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    }

    /* Shards holding terms that start with `prefix` ("~" sorts after every index character). */
    function shardRange(meta, prefix) {
      var first = shardOf(meta, prefix);
      var last = shardOf(meta, prefix + "~");
      var out = [];
      for (var n = first; n <= last; n++) {
        out.push(n);
      }
      return out;
    }

    /* ---- query ------------------------------------------------------------------ */

    /* Clauses for lunr: every word is required; pairs of neighbouring words and all the
     * words joined are optional and boosted. While typing, the last word is a prefix. */
    function plan(meta, text, typing) {
      var words = fold(text).split(" ").filter(Boolean).slice(0, MAX_WORDS);
      if (!words.length) {
        return null;
      }
      var clauses = [];
      function add(term, required, boost, wildcard) {
        var shards = wildcard ? shardRange(meta, term) : [shardOf(meta, term)];
        if (wildcard && shards.length > WILDCARD_SHARDS) {
          shards = [shardOf(meta, term)];
          wildcard = false;
        }
        clauses.push({ term: term, required: required, boost: boost, wildcard: wildcard, shards: shards });
      }
      var lastPrefix = typing && words[words.length - 1].length >= 2;
      words.forEach(function (word, i) {
        add(word, true, 1, lastPrefix && i === words.length - 1);
      });
      for (var i = 0; i + 1 < words.length; i++) {
        add(words[i] + "_" + words[i + 1], false, PAIR_BOOST, lastPrefix && i + 2 === words.length);
      }
      if (words.length >= 3) {
        add(words.join("_"), false, WHOLE_BOOST, false);
      }
      return { words: words, clauses: clauses };
    }

    /* The index terms a clause matches in one shard: itself, or every term it is a prefix of. */
    function expand(index, clause) {
      if (!clause.wildcard) {
        return clause.term in index.invertedIndex ? [clause.term] : [];
      }
      return index.tokenSet.intersect(lunr.TokenSet.fromString(clause.term + "*")).toArray();
    }

    /* The weight lunr stored for term number `termIndex` in one field of one document. */
    function weight(index, field, ref, termIndex) {
      var vector = index.fieldVectors[field + "/" + ref];
      if (!vector) {
        return 0;
      }
      var position = vector.positionForIndex(termIndex);
      return vector.elements[position] === termIndex ? vector.elements[position + 1] : 0;
    }

    /* A term's postings in one field as parallel arrays (lunr refs, weights), made once per
     * shard and term, so that a query repeated or refined reads them straight away. */
    function fieldPostings(index, term, field) {
      var cache = index.portalPostings || (index.portalPostings = Object.create(null));
      var key = field + " " + term;
      var found = cache[key];
      if (!found) {
        var posting = index.invertedIndex[term];
        var refs = Object.keys(posting[field]);
        var weights = new Float64Array(refs.length);
        for (var i = 0; i < refs.length; i++) {
          weights[i] = weight(index, field, refs[i], posting._index);
        }
        found = cache[key] = { refs: refs, weights: weights };
      }
      return found;
    }

    /* Postings of a clause over its shards: [{refs, weights}]. */
    function postings(indexes, clause) {
      var out = [];
      clause.shards.forEach(function (n) {
        var index = indexes[n];
        expand(index, clause).forEach(function (term) {
          index.fields.forEach(function (field) {
            var found = fieldPostings(index, term, field);
            if (found.refs.length) {
              out.push(found);
            }
          });
        });
      });
      return out;
    }

    function size(list) {
      return list.reduce(function (sum, p) { return sum + p.refs.length; }, 0);
    }

    /* Scores documents as lunr's Index.query does: over fields, clause boost times the BM25
     * weight lunr stored for the term (field boosts included), required clauses
     * intersected, optional ones adding to the score. Here the clauses span shards, and
     * scores are not divided by the length of the query vector (a constant per query, which
     * would differ per shard). lunr's own query allocates several objects per matching
     * document: 100–300 ms when common words match 10,000 documents; this takes a few.
     * tests/search checks both rank the same. Returns [{n, score}], best first. */
    function score(meta, query, indexes) {
      var clauses = query.clauses.map(function (clause) {
        var list = postings(indexes, clause);
        return { clause: clause, postings: list, size: size(list) };
      });
      var required = clauses.filter(function (c) { return c.clause.required; });
      required.sort(function (a, b) { return a.size - b.size; });
      var optional = clauses.filter(function (c) { return !c.clause.required; });
      var scores = new Map();
      required.forEach(function (entry, k) {
        var seen = new Set();
        entry.postings.forEach(function (p) {
          var boost = entry.clause.boost;
          for (var i = 0; i < p.refs.length; i++) {
            var ref = p.refs[i];
            var current = scores.get(ref);
            if (current === undefined) {
              if (k > 0) {
                continue; // not a candidate: it lacks an earlier required word
              }
              current = 0;
            }
            scores.set(ref, current + boost * p.weights[i]);
            if (k > 0) {
              seen.add(ref);
            }
          }
        });
        if (k > 0) {
          scores.forEach(function (value, ref) {
            if (!seen.has(ref)) {
              scores.delete(ref);
            }
          });
        }
      });
      optional.forEach(function (entry) {
        entry.postings.forEach(function (p) {
          var boost = entry.clause.boost;
          for (var i = 0; i < p.refs.length; i++) {
            var current = scores.get(p.refs[i]);
            if (current !== undefined) {
              scores.set(p.refs[i], current + boost * p.weights[i]);
            }
          }
        });
      });
      var hits = [];
      scores.forEach(function (value, ref) {
        hits.push({ n: parseInt(ref, 36), ref: ref, score: value });
      });
      return hits.sort(function (a, b) {
        return b.score - a.score ||
          KIND_ORDER.indexOf(meta.kinds[a.n]) - KIND_ORDER.indexOf(meta.kinds[b.n]) || a.n - b.n;
      });
    }

    /* Runs a planned query: loads its shards, scores. Returns {hits, indexes}. */
    function run(meta, query) {
      var numbers = [];
      query.clauses.forEach(function (clause) {
        clause.shards.forEach(function (n) {
          if (numbers.indexOf(n) < 0) {
            numbers.push(n);
          }
        });
      });
      return Promise.all(numbers.map(function (n) { return loadShard(meta, n); })).then(function (loaded) {
        var indexes = {};
        numbers.forEach(function (n, k) { indexes[n] = loaded[k]; });
        return { hits: score(meta, query, indexes), indexes: indexes, query: query };
      });
    }

    /* Folded words a shown result matched, for highlighting. */
    function matchedWords(found, ref) {
      var words = {};
      found.query.clauses.forEach(function (clause) {
        clause.shards.forEach(function (n) {
          var index = found.indexes[n];
          expand(index, clause).forEach(function (term) {
            var posting = index.invertedIndex[term];
            var hit = index.fields.some(function (field) { return ref in posting[field]; });
            if (hit) {
              term.split("_").forEach(function (word) { words[word] = true; });
            }
          });
        });
      });
      return words;
    }

    /* The document-store rows of `hits` ([kind, title, url, unit, body, context, status, date]). */
    function rows(meta, hits) {
      var chunks = [];
      hits.forEach(function (hit) {
        var c = Math.floor(hit.n / meta.chunk);
        if (chunks.indexOf(c) < 0) {
          chunks.push(c);
        }
      });
      return Promise.all(chunks.map(function (c) { return loadChunk(meta, c); })).then(function (loaded) {
        return hits.map(function (hit) {
          var chunk = loaded[chunks.indexOf(Math.floor(hit.n / meta.chunk))];
          return chunk[hit.n % meta.chunk];
        });
      });
    }

    return { manifest: loadManifest, plan: plan, run: run, rows: rows, matchedWords: matchedWords };
  }

  root.portalSearchEngine = { create: create, KIND_ORDER: KIND_ORDER };
})(this);
