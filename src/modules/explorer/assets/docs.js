/* Plain Swagger UI over /openapi.json, from this origin only. DirectLogin and bearer auth are ready
   to fill in (and kept across reloads); the x-obp-roles extension is shown; deep links are on. */
(function () {
  'use strict';

  var DIRECT_LOGIN = {
    type: 'apiKey',
    in: 'header',
    name: 'DirectLogin',
    description:
      'Log in with POST /my/logins/direct (header DirectLogin: username=U, password=P, consumer_key=K), then paste the token here. "token=" is added for you.',
  };
  var BEARER = {
    type: 'http',
    scheme: 'bearer',
    description: 'The same DirectLogin token, as Authorization: Bearer T.',
  };

  /** Makes sure a DirectLogin header key and a bearer scheme exist and every secured operation accepts them. */
  function withAuthSchemes(spec) {
    spec.components = spec.components || {};
    var schemes = (spec.components.securitySchemes = spec.components.securitySchemes || {});
    var names = Object.keys(schemes);
    var directLogin = names.find(function (n) {
      var s = schemes[n];
      return (
        s.type === 'apiKey' && s.in === 'header' && String(s.name).toLowerCase() === 'directlogin'
      );
    });
    var bearer = names.find(function (n) {
      return schemes[n].type === 'http' && String(schemes[n].scheme).toLowerCase() === 'bearer';
    });
    var added = [];
    if (!directLogin) {
      schemes.DirectLogin = DIRECT_LOGIN;
      added.push('DirectLogin');
    }
    if (!bearer) {
      schemes.bearer = BEARER;
      added.push('bearer');
    }
    if (added.length === 0) return spec;
    var extra = added.map(function (n) {
      var req = {};
      req[n] = [];
      return req;
    });
    spec.security = (spec.security || []).concat(extra);
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (verb) {
        var op = item[verb];
        if (op && Array.isArray(op.security) && op.security.length > 0)
          op.security = op.security.concat(extra);
      });
    });
    return spec;
  }

  /** A bare token typed into the DirectLogin box becomes "token=<it>". */
  function requestInterceptor(req) {
    var headers = req.headers || {};
    Object.keys(headers).forEach(function (k) {
      if (k.toLowerCase() === 'directlogin' && headers[k] && headers[k].indexOf('=') < 0)
        headers[k] = 'token=' + headers[k];
    });
    return req;
  }

  function show(spec) {
    window.ui = SwaggerUIBundle({
      spec: withAuthSchemes(spec),
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: true,
      showExtensions: true,
      showCommonExtensions: true,
      displayOperationId: true,
      displayRequestDuration: true,
      filter: true,
      requestSnippetsEnabled: true,
      validatorUrl: null,
      requestInterceptor: requestInterceptor,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
    });
  }

  fetch('/openapi.json', { headers: { Accept: 'application/json' } })
    .then(function (res) {
      if (!res.ok) throw new Error('GET /openapi.json answered ' + res.status);
      return res.json();
    })
    .then(show)
    .catch(function (err) {
      var box = document.getElementById('swagger-ui');
      box.textContent = 'Could not load the OpenAPI document: ' + err.message;
      box.setAttribute('role', 'alert');
    });
})();
