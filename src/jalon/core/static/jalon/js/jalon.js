// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-print]");
    if (target) {
      event.preventDefault();
      window.print();
    }
  });
})();
// The language switch comes back to the page as it is now: htmx may have changed the address
// (filters pushed into the history) since the page, and the switch's `next` field, were served.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.matches && form.matches(".lang-switch")) {
    var next = form.querySelector("input[name=next]");
    if (next) {
      next.value = window.location.pathname + window.location.search;
    }
  }
});
