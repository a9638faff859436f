// Starts Swagger UI on /docs (a file, not an inline script: the CSP allows scripts from this
// origin only). The schema is this app's own /openapi.json; nothing is fetched elsewhere.
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null  // the default validator badge calls a web service
  });
});
