// Starts Swagger UI on /api/v1/docs/ (a static file: the site's CSP refuses inline script).
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    validatorUrl: null,
    requestInterceptor: function (request) {
      // Calls made from the page use the session: send the CSRF token as the site's scripts do.
      var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
      if (match) { request.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
      return request;
    },
  });
})();
