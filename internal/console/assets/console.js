// A small enhancement of pages that work without it: the multiple party
// picker of list filters keeps its choices without holding Ctrl.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select[multiple]").forEach(function (sel) {
    sel.addEventListener("mousedown", function (e) {
      if (e.target.tagName !== "OPTION" || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      e.target.selected = !e.target.selected;
      sel.focus();
    });
  });
});
