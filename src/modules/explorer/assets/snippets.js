/* "Copy as curl" and "Copy as SDK call" (openapi-fetch over /openapi.json) for the request on screen. */

const isPlaceholder = (segment) => /^[A-Z][A-Z0-9_]*$/.test(segment);

/** `/obp/v3.1.0/banks/BANK_ID/x` → `/obp/v3.1.0/banks/{BANK_ID}/x`, as the OpenAPI document keys it. */
export const templatePath = (specifiedUrl) =>
  specifiedUrl
    .split('/')
    .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
    .join('/');

/** Fills the placeholders of an OBP path with the given values (empty ones stay as placeholders). */
export const fillPath = (specifiedUrl, values) =>
  specifiedUrl
    .split('/')
    .map((s) => (isPlaceholder(s) && values[s] ? encodeURIComponent(values[s]) : s))
    .join('/');

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** A curl command line: verb, full URL, every header sent, the body. */
export function curlFor({ method, url, headers, body }) {
  const lines = [`curl -X ${method} ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(headers))
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (body) lines.push(`--data-raw ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JavaScript object literal (unquoted keys where possible), indented to `depth`. */
function literal(value, depth) {
  const pad = '  '.repeat(depth);
  const inner = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + literal(v, depth + 1)).join(',\n')},\n${pad}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const body = entries
      .map(([k, v]) => `${inner}${IDENT.test(k) ? k : JSON.stringify(k)}: ${literal(v, depth + 1)}`)
      .join(',\n');
    return `{\n${body},\n${pad}}`;
  }
  return typeof value === 'string'
    ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
    : String(value);
}

/** The path parameters of `pathname` for an OBP path (undefined when the URL no longer fits it). */
export function pathParamsOf(specifiedUrl, pathname) {
  const want = specifiedUrl.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (isPlaceholder(want[i])) params[want[i]] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/**
 * The same request as a call of the SDK generated from /openapi.json (`sdk/client.ts`, openapi-fetch):
 * `client.PUT('/obp/v3.1.0/banks/{BANK_ID}/…', { params: { path: {…} }, body })`. `specPath` is the
 * operation's key in /openapi.json, when known.
 */
export function sdkCallFor({ method, specifiedUrl, specPath, url, body, origin }) {
  const target = new URL(url, origin);
  const path = pathParamsOf(specifiedUrl, target.pathname);
  // /openapi.json documents an endpoint once (at v3.1.0 where served): use its key when known
  const key = path ? (specPath ?? templatePath(specifiedUrl)) : target.pathname;
  const options = {};
  const params = {};
  if (path && Object.keys(path).length > 0) params.path = path;
  const query = Object.fromEntries(target.searchParams);
  if (Object.keys(query).length > 0) params.query = query;
  if (Object.keys(params).length > 0) options.params = params;
  if (body !== undefined) options.body = body;
  const args = Object.keys(options).length > 0 ? `'${key}', ${literal(options, 0)}` : `'${key}'`;
  return [
    "import { createObpClient } from './sdk/client'; // the generated SDK: openapi-fetch over /openapi.json",
    '',
    `const client = createObpClient('${origin}', { token: process.env.OBP_TOKEN });`,
    '',
    `const { data, error } = await client.${method}(${args});`,
  ].join('\n');
}
