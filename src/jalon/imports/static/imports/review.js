/* Review of an imported plan: tie each item to its source lines and back.
 *
 * Without this file the links still work (they are plain #anchors and :target highlights the
 * line). With it, following an item's source link highlights all of its lines and scrolls the
 * source pane only; following a line's number highlights its item and moves the focus there.
 * After each htmx change, the server names (HX-Trigger-After-Settle) where the focus goes and
 * what the aria-live region says.
 */
(function () {
  "use strict";

  function clear(className) {
    document.querySelectorAll("." + className).forEach(function (el) {
      el.classList.remove(className);
    });
  }

  function showLines(numbers) {
    clear("is-lit");
    var first = null;
    numbers.forEach(function (n) {
      var line = document.getElementById("src-" + n);
      if (line) {
        line.classList.add("is-lit");
        first = first || line;
      }
    });
    if (first) {
      var pane = first.closest(".review-lines");
      if (pane) {
        pane.scrollTop = first.offsetTop - pane.offsetTop - pane.clientHeight / 3;
      }
    }
    return first;
  }

  function showItem(id) {
    var item = document.getElementById(id);
    if (!item) {
      return;
    }
    clear("is-current");
    item.classList.add("is-current");
    item.scrollIntoView({ block: "center" });
    item.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.review-src-link");
    if (link) {
      var numbers = (link.getAttribute("data-lines") || "").split(" ").filter(Boolean);
      var item = link.closest(".review-item");
      clear("is-current");
      if (item) {
        item.classList.add("is-current");
      }
      if (showLines(numbers)) {
        event.preventDefault();
      }
      return;
    }
    var number = event.target.closest("a.review-line__n");
    if (number) {
      event.preventDefault();
      var target = number.getAttribute("data-item");
      var owner = document.getElementById(target);
      if (owner) {
        showLines((owner.getAttribute("data-lines") || "").split(" ").filter(Boolean));
      }
      showItem(target);
      history.replaceState(null, "", "#" + target);
    }
  });

  document.body.addEventListener("imports:focus", function (event) {
    var target = document.getElementById(event.detail.value);
    if (target) {
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  });

  document.body.addEventListener("imports:said", function (event) {
    var live = document.getElementById("review-live");
    if (live) {
      live.textContent = event.detail.value || "";
    }
  });
})();
