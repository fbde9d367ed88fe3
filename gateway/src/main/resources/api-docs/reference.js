// Starts Swagger UI on the partner APIs' documents. Read-only: "Try it out" would need Keycloak's token endpoint
// in the page's connect-src, and the site's Content-Security-Policy stays as it is (README "Partner API").
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: '/api/orders/v1/openapi.json', name: 'Orders' },
      { url: '/api/tickets/v1/openapi.json', name: 'Tickets' },
      { url: '/api/customers/v1/openapi.json', name: 'Customers' },
      { url: '/api/feedback/v1/openapi.json', name: 'Feedback' }
    ],
    dom_id: '#reference',
    deepLinking: true,
    supportedSubmitMethods: [],
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
});
