// The plan builder's keyboard and mouse behaviour, on top of htmx (no other library).
//
// - Focus: the server names, in the HX-Trigger-After-Settle event "builder:focus", the elements
//   that should get the focus after a swap (first one found wins).
// - Escape in a builder form cancels it; Enter in a title saves (Shift+Enter for a new line).
// - Alt+ArrowUp / Alt+ArrowDown move the item holding the focus among its siblings.
// - Drag and drop (HTML5 drag API) with the ⠿ handle of each item, within its list or into
//   another parent's list of the same kind; the buttons do the same without a mouse.
(function () {
  "use strict";

  function focusFirst(selectors) {
    for (var i = 0; i < selectors.length; i++) {
      var element = null;
      try {
        element = document.querySelector(selectors[i]);
      } catch (error) {
        element = null;
      }
      if (element) {
        if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) {
          element.setAttribute("tabindex", "-1");
        }
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: "nearest" });
        return;
      }
    }
  }

  document.body.addEventListener("builder:focus", function (event) {
    var selectors = (event.detail && event.detail.focus) || [];
    // Wait a frame so the swapped content is laid out before it takes the focus.
    window.requestAnimationFrame(function () {
      focusFirst(selectors);
    });
  });

  // htmx swaps nothing on an error answer: say it in the live region, in the page's language.
  function sayError(status) {
    var live = document.getElementById("builder-live");
    if (!live) {
      return;
    }
    var key = status === 403 ? "data-error-403" : status === 404 ? "data-error-404" : "data-error-other";
    var message = document.createElement("p");
    message.className = "builder-live__message builder-live__message--error";
    message.textContent = live.getAttribute(key) || "";
    live.replaceChildren(message);
  }

  document.body.addEventListener("htmx:responseError", function (event) {
    sayError(event.detail && event.detail.xhr ? event.detail.xhr.status : 0);
  });
  document.body.addEventListener("htmx:sendError", function () {
    sayError(0);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    if (event.key === "Escape") {
      var form = target.closest(".builder-form");
      var cancel = form && form.querySelector("[data-builder-cancel]");
      if (cancel) {
        event.preventDefault();
        cancel.click();
      }
      return;
    }
    if (
      event.key === "Enter" &&
      !event.shiftKey &&
      !event.isComposing &&
      target.matches("textarea[data-enter-submits]")
    ) {
      event.preventDefault();
      if (target.form) {
        target.form.requestSubmit();
      }
      return;
    }
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      if (target.closest(".builder-form")) {
        return;
      }
      var item = target.closest(".tree-item");
      if (!item) {
        return;
      }
      var direction = event.key === "ArrowUp" ? "up" : "down";
      var button = item.querySelector(":scope > .tree-row [data-move='" + direction + "']");
      if (button) {
        event.preventDefault();
        button.click();
      }
    }
  });

  // --- Drag and drop -------------------------------------------------------------------------

  var dragged = null;
  var marker = null;

  // Where a drop on `target` lands: {list, atEnd}. Over a list of the dragged kind, among its
  // items; over a parent's row (an objective for an action…), at the end of that parent's list.
  function dropZone(target) {
    if (!dragged || !(target instanceof Element)) {
      return null;
    }
    var kind = dragged.getAttribute("data-kind");
    var list = target.closest("ol.tree-list");
    if (list && list.getAttribute("data-list") === kind) {
      return { list: list, atEnd: false };
    }
    var selector =
      ":scope > ol.tree-list[data-list='" + kind + "'], :scope > .tree-children > ol.tree-list[data-list='" + kind + "']";
    var parent = target.closest(".tree-item");
    while (parent) {
      var own = parent.querySelector(selector);
      if (own) {
        return { list: own, atEnd: true };
      }
      parent = parent.parentElement && parent.parentElement.closest(".tree-item");
    }
    return null;
  }

  function itemsOf(list) {
    return Array.prototype.filter.call(list.children, function (child) {
      return child.classList.contains("tree-item") && child !== dragged;
    });
  }

  function itemBefore(list, y) {
    var items = itemsOf(list);
    for (var i = 0; i < items.length; i++) {
      var box = items[i].getBoundingClientRect();
      if (y < box.top + box.height / 2) {
        return items[i];
      }
    }
    return null;
  }

  function clearMarker() {
    if (marker && marker.parentNode) {
      marker.parentNode.removeChild(marker);
    }
  }

  function showMarker(list, before) {
    if (!marker) {
      marker = document.createElement("li");
      marker.className = "drop-marker";
      marker.setAttribute("aria-hidden", "true");
    }
    if (before) {
      list.insertBefore(marker, before);
    } else {
      list.appendChild(marker);
    }
  }

  function endDrag() {
    clearMarker();
    if (dragged) {
      dragged.classList.remove("is-dragged");
    }
    document.body.classList.remove("is-dragging");
    dragged = null;
  }

  document.addEventListener("dragstart", function (event) {
    var handle = event.target instanceof Element && event.target.closest(".drag-handle");
    if (!handle) {
      return;
    }
    dragged = handle.closest(".tree-item");
    if (!dragged) {
      return;
    }
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.id);
    var row = dragged.querySelector(":scope > .tree-row");
    if (row && event.dataTransfer.setDragImage) {
      event.dataTransfer.setDragImage(row, 12, 12);
    }
    dragged.classList.add("is-dragged");
    document.body.classList.add("is-dragging");
  });

  document.addEventListener("dragover", function (event) {
    var zone = dropZone(event.target);
    if (!zone) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    showMarker(zone.list, zone.atEnd ? null : itemBefore(zone.list, event.clientY));
  });

  document.addEventListener("drop", function (event) {
    var zone = dropZone(event.target);
    if (!zone || !dragged) {
      endDrag();
      return;
    }
    event.preventDefault();
    var list = zone.list;
    var before = zone.atEnd ? null : itemBefore(list, event.clientY);
    var items = itemsOf(list);
    var position = before ? items.indexOf(before) : items.length;
    var source = dragged;
    var url = source.getAttribute("data-place-url");
    endDrag();
    window.htmx.ajax("POST", url, {
      source: source,
      target: "#builder-tree",
      swap: "outerHTML",
      values: { parent: list.getAttribute("data-parent"), position: String(position) },
    });
  });

  document.addEventListener("dragend", endDrag);
})();
