/* Print the whole plan: open every closed <details> (the full text) before printing. */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (el) {
      el.setAttribute("open", "");
    });
  });
})();
