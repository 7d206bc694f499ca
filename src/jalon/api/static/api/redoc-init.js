// Starts Redoc on /api/v1/redoc/ (a static file: the site's CSP refuses inline script).
"use strict";
(function () {
  var root = document.getElementById("redoc");
  window.Redoc.init(root.getAttribute("data-schema-url"), {}, root);
})();
