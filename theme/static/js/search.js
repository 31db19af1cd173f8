/* The search page (tim-kiem/): the form, the URL, filters and results.
 *
 * Ranking and loading are search-engine.js's. Text from the index is only ever put in
 * the page as text nodes, never as HTML. Needs fold.js and search-engine.js. */
(function () {
  "use strict";

  var root = document.getElementById("tim-kiem");
  if (!root || !window.portalFold || !window.portalSearchEngine || !window.fetch ||
      !window.URL || !window.Map || !window.Set) {
    return; // the page keeps its "needs JavaScript" message and the links to the indexes
  }

  var PAGE_SIZE = parseInt(root.getAttribute("data-page-size"), 10) || 20;
  var SNIPPET_WORDS = 32;
  // Kind codes, their order and ?loai= slugs, labels and the row layout come from the manifest.

  var fold = window.portalFold.fold;
  var engine = window.portalSearchEngine.create(root.getAttribute("data-manifest"));
  var siteRoot = new URL(root.getAttribute("data-root"), document.baseURI);
  var form = root.querySelector("form");
  var input = document.getElementById("tu-khoa");
  var kindSelect = document.getElementById("loc-loai");
  var unitSelect = document.getElementById("loc-don-vi");
  var filters = document.getElementById("bo-loc");
  var statusLine = document.getElementById("trang-thai-tim-kiem");
  var list = document.getElementById("ket-qua-tim-kiem");
  var moreButton = document.getElementById("xem-them");
  var noJs = document.getElementById("can-javascript");
  var noJsReason = document.getElementById("can-javascript-ly-do");

  noJs.hidden = true;

  /* ---- filters ---------------------------------------------------------------- */

  function unitMatches(meta, unitNumber, wanted) {
    while (unitNumber >= 0) {
      if (unitNumber === wanted) {
        return true;
      }
      unitNumber = meta.units[unitNumber][2];
    }
    return false;
  }

  function applyFilters(meta, hits, kind, unitId) {
    var unit = unitId && unitId in meta.unitIds ? meta.unitIds[unitId] : -1;
    return hits.filter(function (hit) {
      return (!kind || meta.kinds[hit.n] === kind) && (unit < 0 || unitMatches(meta, meta.unitOf[hit.n], unit));
    });
  }

  function option(value, label, selected) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    element.selected = selected;
    return element;
  }

  var numberFormat = new Intl.NumberFormat("vi-VN");

  function number(value) {
    return numberFormat.format(value);
  }

  /* Kinds and units present in the results (with counts), plus whatever is selected. */
  function fillFilters(meta, hits, kind, unitId) {
    var kindCounts = {};
    var unitCounts = {};
    hits.forEach(function (hit) {
      var code = meta.kinds[hit.n];
      kindCounts[code] = (kindCounts[code] || 0) + 1;
      for (var u = meta.unitOf[hit.n]; u >= 0; u = meta.units[u][2]) {
        unitCounts[u] = (unitCounts[u] || 0) + 1;
      }
    });
    kindSelect.replaceChildren(option("", "Tất cả các loại (" + number(hits.length) + ")", !kind));
    meta.kindOrder.split("").forEach(function (code) {
      if (kindCounts[code] || code === kind) {
        kindSelect.appendChild(option(meta.kindSlugs[code], meta.labels["kind-" + code] + " (" +
          number(kindCounts[code] || 0) + ")", code === kind));
      }
    });
    unitSelect.replaceChildren(option("", "Tất cả các đơn vị", !unitId));
    meta.units.forEach(function (unit, n) {
      if (unitCounts[n] || unit[0] === unitId) {
        var indent = new Array(unit[3] + 1).join("— ");
        unitSelect.appendChild(option(unit[0], indent + unit[1] + " (" + number(unitCounts[n] || 0) + ")",
          unit[0] === unitId));
      }
    });
    filters.hidden = false;
  }

  /* ---- rendering -------------------------------------------------------------- */

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;

  /* Appends `text` to `parent`, wrapping words whose folded form was matched in <mark>. */
  function appendMarked(parent, text, terms) {
    var last = 0;
    text.replace(WORD, function (word, offset) {
      if (terms[fold(word)]) {
        parent.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        parent.appendChild(mark);
        last = offset + word.length;
      }
      return word;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* A window of the body around its first matched word. */
  function snippet(body, terms) {
    var words = body.split(/\s+/).filter(Boolean);
    var first = -1;
    for (var i = 0; i < words.length && first < 0; i++) {
      var parts = fold(words[i]).split(" ");
      if (parts.some(function (part) { return terms[part]; })) {
        first = i;
      }
    }
    var start = Math.max(0, first - 8);
    var end = Math.min(words.length, start + SNIPPET_WORDS);
    var text = words.slice(start, end).join(" ");
    return (start > 0 ? "… " : "") + text + (end < words.length && !/…$/.test(text) ? " …" : "");
  }

  function pill(meta, status) {
    var span = document.createElement("span");
    var dash = status.indexOf("-");
    var family = status.slice(0, dash);
    var state = status.slice(dash + 1);
    span.className = "pill " + (family === "badge" ? "pill-" + state : state === "late" ? "pill-late" : status);
    span.textContent = meta.labels[status] || "";
    return span;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  /* A document-store row as {kind, title, url, unit, body, context, status, date} (manifest's `row`). */
  function fields(meta, values) {
    var out = {};
    meta.row.forEach(function (name, i) {
      out[name] = values[i] === undefined ? "" : values[i];
    });
    return out;
  }

  function renderItem(meta, hit, values) {
    var row = fields(meta, values);
    var terms = engine.matchedWords(state.found, hit.ref);
    var item = element("li", "search-result kind-" + row.kind);
    var kindLine = element("p", "result-kind");
    kindLine.appendChild(element("span", "result-type", meta.labels["kind-" + row.kind]));
    (row.status || "").split(" ").filter(Boolean).forEach(function (status) {
      kindLine.appendChild(document.createTextNode(" "));
      kindLine.appendChild(pill(meta, status));
    });
    var heading = element("h2", "result-title");
    var link = document.createElement("a");
    link.href = new URL(row.url, siteRoot).href;
    appendMarked(link, row.title, terms);
    heading.appendChild(link);
    var unitName = row.unit !== "" && row.unit >= 0 && row.kind !== "u" ? meta.units[row.unit][1] : "";
    var facts = [row.context, unitName, row.date].filter(Boolean);
    item.appendChild(heading);
    item.appendChild(kindLine);
    if (facts.length) {
      item.appendChild(element("p", "result-meta", facts.join(" · ")));
    }
    if (row.body) {
      var text = element("p", "result-snippet");
      appendMarked(text, snippet(row.body, terms), terms);
      item.appendChild(text);
    }
    return item;
  }

  /* ---- page state ------------------------------------------------------------- */

  var state = { seq: 0, found: null, hits: [], shown: 0, filtered: [], text: "" };
  var firstResultMarked = false;

  function setStatus(text) {
    statusLine.textContent = text;
  }

  function describe(meta, count, total, kind, unitId) {
    var quoted = "«" + state.text.trim() + "»";
    if (!total) {
      return "Không tìm thấy kết quả nào cho " + quoted + ". Hãy thử ít từ hơn hoặc từ khác.";
    }
    var text = "Tìm thấy " + number(total) + " kết quả cho " + quoted + ".";
    if (kind || unitId) {
      var parts = [];
      if (kind) {
        parts.push(meta.labels["kind-" + kind]);
      }
      if (unitId && unitId in meta.unitIds) {
        parts.push(meta.units[meta.unitIds[unitId]][1]);
      }
      text += " Đang lọc (" + parts.join(", ") + "): " + number(count) + " kết quả.";
    }
    return text;
  }

  function showMore(meta, seq, started, typing) {
    var page = state.filtered.slice(state.shown, state.shown + PAGE_SIZE);
    return engine.rows(meta, page).then(function (loaded) {
      if (seq !== state.seq) {
        return;
      }
      var firstNew = null;
      loaded.forEach(function (row, i) {
        var item = renderItem(meta, page[i], row);
        firstNew = firstNew || item;
        list.appendChild(item);
      });
      state.shown += page.length;
      moreButton.hidden = state.shown >= state.filtered.length;
      if (started !== undefined) {
        performance.measure("search:query", {
          start: started, end: performance.now(), detail: { text: state.text, typing: !!typing }
        });
        if (loaded.length && !firstResultMarked) {
          firstResultMarked = true;
          performance.mark("search:first-result");
        }
      }
      root.setAttribute("data-state", "done");
      return firstNew;
    });
  }

  function currentFilters(meta) {
    var kind = "";
    Object.keys(meta.kindSlugs).forEach(function (code) {
      if (meta.kindSlugs[code] === kindSelect.value) {
        kind = code;
      }
    });
    return { kind: kind, unit: unitSelect.value };
  }

  function render(meta, seq, started, typing) {
    var chosen = currentFilters(meta);
    state.filtered = applyFilters(meta, state.hits, chosen.kind, chosen.unit);
    state.shown = 0;
    fillFilters(meta, state.hits, chosen.kind, chosen.unit);
    list.replaceChildren();
    setStatus(describe(meta, state.filtered.length, state.hits.length, chosen.kind, chosen.unit));
    return showMore(meta, seq, started, typing);
  }

  function search(text, typing) {
    var seq = ++state.seq;
    var started = performance.now();
    state.text = text;
    root.setAttribute("data-state", "busy");
    return engine.manifest().then(function (meta) {
      var query = engine.plan(meta, text, typing);
      if (!query) {
        state.hits = [];
        list.replaceChildren();
        moreButton.hidden = true;
        filters.hidden = true;
        setStatus("Nhập từ khóa để tìm kế hoạch, nhiệm vụ, chỉ tiêu, đơn vị hoặc bài cập nhật.");
        root.setAttribute("data-state", "done");
        return;
      }
      return engine.run(meta, query).then(function (found) {
        if (seq !== state.seq) {
          return;
        }
        state.found = found;
        state.hits = found.hits;
        return render(meta, seq, started, typing);
      });
    }).catch(function (error) {
      if (seq === state.seq) {
        setStatus("Không tải được chỉ mục tìm kiếm. Hãy tải lại trang, hoặc xem các danh mục bên dưới.");
        noJs.hidden = false;  // the lists, without the sentence about JavaScript being off
        noJsReason.hidden = true;
        root.setAttribute("data-state", "error");
      }
      if (window.console) {
        console.error(error);
      }
    });
  }

  /* ---- URL <-> form ----------------------------------------------------------- */

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var kind = params.get("loai") || "";
    var unit = params.get("don-vi") || "";
    [[kindSelect, kind], [unitSelect, unit]].forEach(function (pair) {
      var select = pair[0];
      if (pair[1] && !Array.prototype.some.call(select.options, function (o) { return o.value === pair[1]; })) {
        select.appendChild(option(pair[1], pair[1], true));
      }
      select.value = pair[1];
    });
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) {
      params.set("q", input.value.trim());
    }
    if (kindSelect.value) {
      params.set("loai", kindSelect.value);
    }
    if (unitSelect.value) {
      params.set("don-vi", unitSelect.value);
    }
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  var typingTimer = null;
  // The URL holds a settled search (opened, submitted, filtered or reached with Back): the first
  // update while typing gets a history entry of its own, so Back returns to that search; the
  // next ones replace it. (Replacing at once lost the previous query whenever Enter came later
  // than the 150 ms pause.)
  var settled = true;
  input.addEventListener("input", function () {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      writeUrl(settled);
      settled = false;
      search(input.value, true);
    }, 150);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typingTimer);
    writeUrl(settled);
    settled = true;
    search(input.value, false);
  });

  [kindSelect, unitSelect].forEach(function (select) {
    select.addEventListener("change", function () {
      root.setAttribute("data-state", "busy");
      writeUrl(true);
      settled = true;
      engine.manifest().then(function (meta) {
        render(meta, state.seq);
      });
    });
  });

  moreButton.addEventListener("click", function () {
    root.setAttribute("data-state", "busy");
    engine.manifest().then(function (meta) {
      return showMore(meta, state.seq);
    }).then(function (firstNew) {
      var link = firstNew && firstNew.querySelector("a");
      if (link) {
        link.focus(); // keyboard users continue from the first new result
      }
    });
  });

  window.addEventListener("popstate", function () {
    settled = true;
    readUrl();
    search(input.value, false);
  });

  /* For tests and benchmarks: the ranked hits of a query, as [ref, score] pairs. */
  window.portalSearch = {
    plan: function (text, typing) {
      return engine.manifest().then(function (meta) { return engine.plan(meta, text, typing); });
    },
    hits: function (text, typing) {
      return engine.manifest().then(function (meta) {
        var query = engine.plan(meta, text, typing);
        return query ? engine.run(meta, query) : { hits: [] };
      }).then(function (found) {
        return found.hits.map(function (hit) { return [hit.ref, hit.score]; });
      });
    }
  };

  readUrl();
  var header = document.getElementById("o-tim-kiem");
  if (header) {
    header.value = input.value;
  }
  search(input.value, false);
})();
