// /docs: Swagger UI (served from this origin, /static/swagger-ui/) drawing the API from the document its
// element names. A file of its own, since the pages' Content-Security-Policy allows no inline script.
const element = document.getElementById('swagger-ui');
window.ui = SwaggerUIBundle({
  url: element.dataset.openapi,
  domNode: element,
  deepLinking: true,
  // The badge would ask validator.swagger.io to check the document: no page here talks to another origin.
  validatorUrl: null,
});
