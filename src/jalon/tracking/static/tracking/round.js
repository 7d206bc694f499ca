// The update round, with the keyboard: after a row is saved, the focus moves to the next row;
// Enter saves from the status, Ctrl+Enter from the note; "Passer" skips a row; the box above the list selects all.
(function () {
  "use strict";

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll(".round-row"));
  }

  function firstField(row) {
    return row.querySelector("select, input:not([type=hidden]):not([type=checkbox]), textarea");
  }

  function focusAfter(row) {
    var all = rows();
    var index = all.indexOf(row);
    var next = index >= 0 ? all[index + 1] : null;
    if (next) {
      var field = firstField(next);
      next.scrollIntoView({ block: "nearest" });
      if (field) { field.focus(); }
      return;
    }
    var done = document.getElementById("round-end");
    if (done) { done.focus(); }
  }

  function countDone() {
    var counter = document.getElementById("round-done-count");
    if (counter) {
      counter.textContent = String(document.querySelectorAll(".round-row[data-updated-today]").length);
    }
  }

  document.addEventListener("htmx:load", function (event) {
    var element = event.detail.elt;
    if (!element || !element.classList || !element.classList.contains("round-row")) { return; }
    countDone();
    if (element.hasAttribute("data-saved")) {
      focusAfter(element);
    } else if (element.hasAttribute("data-error")) {
      var invalid = element.querySelector("[aria-invalid=true]") || element.querySelector(".row-message");
      if (invalid) { invalid.focus(); }
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var onSelect = target.tagName === "SELECT" && target.closest(".round-row");
    if (event.key === "Enter" && (onSelect || ((event.ctrlKey || event.metaKey) && target.tagName === "TEXTAREA"))) {
      var form = target.closest("form");
      if (form) {
        event.preventDefault();
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      }
    }
  });

  document.addEventListener("click", function (event) {
    var skip = event.target.closest("[data-skip]");
    if (skip) {
      event.preventDefault();
      focusAfter(skip.closest(".round-row"));
      return;
    }
    var all = event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll("input[name=actions][form=bulk-form]").forEach(function (box) {
        box.checked = all.checked;
      });
    }
  });
})();
