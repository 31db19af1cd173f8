/* Filters and sort for the list pages (tasks, late tasks, targets), no server needed.
 *
 * The page holds a hidden <details data-filter-box> with a <form data-filters> (theme/templates/components/filters.html) and,
 * inside [data-filter-scope], tables whose rows carry data-units, data-plan, data-area,
 * data-month, data-due and the status attribute the form names (data-status-attr). This script
 * shows the form, reads the choice from the URL (?don-vi=…&ke-hoach=…&trang-thai=…&linh-vuc=…
 * &thang=…&sap-xep=…), hides the rows that do not match, hides sections left empty, sorts, and
 * writes the choice back into the URL so that it can be shared. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-filters]");
  var box = document.querySelector("[data-filter-box]");
  var scope = document.querySelector("[data-filter-scope]");
  if (!form || !scope || !window.URLSearchParams) return;
  var statusAttr = form.getAttribute("data-status-attr") || "data-status";
  var count = form.querySelector(".filter-count");
  var rows = Array.prototype.slice.call(scope.querySelectorAll("table.stack tbody tr"));
  var tests = {
    "don-vi": function (row, v) { return (" " + (row.getAttribute("data-units") || "") + " ").indexOf(" " + v + " ") >= 0; },
    "ke-hoach": function (row, v) { return row.getAttribute("data-plan") === v; },
    "trang-thai": function (row, v) { return row.getAttribute(statusAttr) === v; },
    "linh-vuc": function (row, v) { return row.getAttribute("data-area") === v; },
    "thang": function (row, v) { return row.getAttribute("data-month") === v; }
  };
  var sorts = {
    "": function (a, b) { return cmp(a, b, "data-due"); },
    "han-muon": function (a, b) { return -cmp(a, b, "data-due"); },
    "ke-hoach": function (a, b) { return cmp(a, b, "data-plan") || cmp(a, b, "data-due"); }
  };

  function cmp(a, b, attr) {
    var x = a.getAttribute(attr) || "", y = b.getAttribute(attr) || "";
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function choice() {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) result[el.name] = el.value;
    });
    return result;
  }

  function apply() {
    var chosen = choice(), shown = 0, seen = {};
    rows.forEach(function (row) {
      var ok = Object.keys(tests).every(function (name) {
        return !chosen[name] || tests[name](row, chosen[name]);
      });
      row.hidden = !ok;
      var key = row.getAttribute("data-task") || row.getAttribute("data-target");
      if (ok && !seen[key]) { seen[key] = true; shown += 1; }
    });
    Array.prototype.forEach.call(scope.querySelectorAll("table.stack"), function (table) {
      var body = table.tBodies[0];
      var list = Array.prototype.slice.call(body.rows);
      list.sort(sorts[chosen["sap-xep"]] || sorts[""]).forEach(function (row) { body.appendChild(row); });
      var any = list.some(function (row) { return !row.hidden; });
      var group = table.closest("[data-filter-group]") || table;
      group.hidden = !any;
    });
    var total = Object.keys(rows.reduce(function (acc, row) {
      acc[row.getAttribute("data-task") || row.getAttribute("data-target")] = 1; return acc;
    }, {})).length;
    count.textContent = "Đang hiện " + shown + " trong " + total + " mục.";
  }

  function save() {
    var params = new URLSearchParams();
    var chosen = choice();
    Object.keys(chosen).forEach(function (name) { if (chosen[name]) params.set(name, chosen[name]); });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name);
  });
  if (box) {
    box.hidden = false;
    if (window.location.search) box.open = true;
  }
  form.addEventListener("change", function () { save(); apply(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector("[data-filter-reset]").addEventListener("click", function (event) {
    event.preventDefault();
    form.reset();
    save();
    apply();
  });
  apply();
})();
