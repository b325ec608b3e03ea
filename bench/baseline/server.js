'use strict';
/**
 * The raw baseline of `npm run bench`: node:http + pg and nothing else, doing the same work as the
 * server for each benchmarked request (parse the token, verify HS256, read the token row, the role
 * and the customer with one indexed query, then the query or insert), with the same pool size. It
 * is what this machine can do without a framework; the bench reports ours / this.
 * Not a product: no validation beyond what the bench sends, no error catalog.
 */
const { createHmac, randomBytes, scrypt, timingSafeEqual } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = Buffer.from(process.env.JWT_SECRET, 'utf8');
const resourceDocs = process.env.BASELINE_RESOURCE_DOCS
  ? readFileSync(process.env.BASELINE_RESOURCE_DOCS)
  : Buffer.from('{"resource_docs":[]}');

const b64url = (buf) => buf.toString('base64url');

function verifyJwt(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
  if (header.alg !== 'HS256') return undefined;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
  return claims;
}

function signJwt(claims) {
  const head = b64url(Buffer.from('{"alg":"HS256"}'));
  const body = b64url(Buffer.from(JSON.stringify(claims)));
  const sig = b64url(createHmac('sha256', secret).update(`${head}.${body}`).digest());
  return `${head}.${body}.${sig}`;
}

const send = (res, status, body) => {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  res.end(payload);
};

const ACCESS = {
  name: 'baseline_access',
  text:
    'SELECT t.user_id, EXISTS (SELECT 1 FROM entitlement e WHERE e.user_id = t.user_id AND e.role_name = $3::text' +
    " AND e.bank_id = $4::text) AS has_role, EXISTS (SELECT 1 FROM customer c WHERE c.id = $5::uuid AND ($4::text = '' OR c.bank_id = $4::text)) AS customer" +
    ' FROM auth_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = $1::uuid AND t.user_id = $2::uuid' +
    ' AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.locked',
};

/** Token + role + customer, one query; answers 401/403/404 itself and resolves false then. */
async function access(req, res, role, bankId, customerId) {
  const auth = req.headers.authorization ?? '';
  const claims = auth.startsWith('Bearer ') ? verifyJwt(auth.slice(7)) : undefined;
  if (!claims) return (send(res, 401, { code: 401, message: 'OBP-20001' }), false);
  const { rows } = await pool.query({
    ...ACCESS,
    values: [claims.jti, claims.sub, role, bankId, customerId],
  });
  if (rows.length === 0) return (send(res, 401, { code: 401, message: 'OBP-20001' }), false);
  if (!rows[0].has_role) return (send(res, 403, { code: 403, message: 'OBP-20006' }), false);
  if (!rows[0].customer) return (send(res, 404, { code: 404, message: 'OBP-30046' }), false);
  return true;
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });

const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const routes = [
  [
    'GET',
    /^\/obp\/v3\.1\.0\/customers\/([^/]+)\/kyc_statuses$/,
    async (req, res, [customerId]) => {
      if (!(await access(req, res, 'CanGetAnyKycStatuses', '', customerId))) return;
      const { rows } = await pool.query({
        name: 'baseline_statuses',
        text: 'SELECT customer_id, customer_number, ok, date FROM kyc_status WHERE customer_id = $1 ORDER BY created_at DESC, seq DESC',
        values: [customerId],
      });
      send(res, 200, {
        statuses: rows.map((r) => ({
          customer_id: r.customer_id,
          customer_number: r.customer_number,
          ok: r.ok,
          date: iso(r.date),
        })),
      });
    },
  ],
  [
    'PUT',
    /^\/obp\/v3\.1\.0\/banks\/([^/]+)\/customers\/([^/]+)\/kyc_statuses$/,
    async (req, res, [bankId, customerId]) => {
      const body = await readBody(req);
      if (!(await access(req, res, 'CanAddKycStatus', bankId, customerId))) return;
      const { rows } = await pool.query({
        name: 'baseline_add_status',
        text: 'INSERT INTO kyc_status (bank_id, customer_id, customer_number, ok, date) VALUES ($1, $2, $3, $4, $5) RETURNING customer_id, customer_number, ok, date',
        values: [bankId, customerId, body.customer_number, body.ok, new Date(body.date)],
      });
      const r = rows[0];
      send(res, 201, {
        customer_id: r.customer_id,
        customer_number: r.customer_number,
        ok: r.ok,
        date: iso(r.date),
      });
    },
  ],
  [
    'GET',
    /^\/obp\/v3\.1\.0\/customers\/([^/]+)\/kyc_documents$/,
    async (req, res, [customerId]) => {
      if (!(await access(req, res, 'CanGetAnyKycDocuments', '', customerId))) return;
      const { rows } = await pool.query({
        name: 'baseline_documents',
        text: 'SELECT * FROM kyc_document WHERE customer_id = $1 ORDER BY updated_at DESC, id ASC',
        values: [customerId],
      });
      send(res, 200, {
        documents: rows.map((r) => ({
          bank_id: r.bank_id,
          customer_id: r.customer_id,
          id: r.id,
          customer_number: r.customer_number,
          type: r.type,
          number: r.number,
          issue_date: iso(r.issue_date),
          issue_place: r.issue_place,
          expiry_date: iso(r.expiry_date),
        })),
      });
    },
  ],
  [
    'POST',
    /^\/obp\/v3\.1\.0\/banks\/([^/]+)\/customers\/([^/]+)\/tax-residence$/,
    async (req, res, [bankId, customerId]) => {
      const body = await readBody(req);
      if (!(await access(req, res, 'CanCreateTaxResidence', bankId, customerId))) return;
      const { rows } = await pool.query({
        name: 'baseline_tax_residence',
        text: 'INSERT INTO tax_residence (customer_id, domain, tax_number) VALUES ($1, $2, $3) RETURNING id, domain, tax_number',
        values: [customerId, body.domain, body.tax_number],
      });
      send(res, 201, {
        domain: rows[0].domain,
        tax_number: rows[0].tax_number,
        tax_residence_id: rows[0].id,
      });
    },
  ],
  [
    'GET',
    /^\/obp\/v3\.1\.0\/banks\/([^/]+)\/customers\/([^/]+)\/addresses$/,
    async (req, res, [bankId, customerId]) => {
      if (!(await access(req, res, 'CanGetCustomerAddress', bankId, customerId))) return;
      const { rows } = await pool.query({
        name: 'baseline_addresses',
        text: 'SELECT * FROM customer_address WHERE customer_id = $1 ORDER BY created_at ASC, id ASC',
        values: [customerId],
      });
      send(res, 200, {
        addresses: rows.map((r) => ({
          customer_address_id: r.id,
          customer_id: r.customer_id,
          line_1: r.line1,
          line_2: r.line2,
          line_3: r.line3,
          city: r.city,
          county: r.county,
          state: r.state,
          postcode: r.postcode,
          country_code: r.country_code,
          status: r.status,
          tags: r.tags,
          insert_date: iso(r.created_at),
        })),
      });
    },
  ],
  [
    'GET',
    /^\/obp\/v3\.1\.0\/resource-docs\/v3\.1\.0\/obp$/,
    (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': resourceDocs.length,
      });
      res.end(resourceDocs);
    },
  ],
  [
    'POST',
    /^\/my\/logins\/direct$/,
    async (req, res) => {
      const header = String(req.headers.directlogin ?? '');
      const params = Object.fromEntries(
        header.split(',').map((p) =>
          p
            .trim()
            .split('=')
            .map((s) => s.trim()),
        ),
      );
      const consumer = await pool.query({
        name: 'baseline_consumer',
        text: 'SELECT id FROM consumer WHERE consumer_key = $1 AND enabled',
        values: [params.consumer_key],
      });
      if (consumer.rows.length === 0) return send(res, 401, { code: 401, message: 'OBP-20053' });
      const user = await pool.query({
        name: 'baseline_user',
        text: 'SELECT id, password_hash FROM app_user WHERE username = $1',
        values: [params.username],
      });
      const [, n, r, p, salt, hash] = (user.rows[0]?.password_hash ?? '').split('$');
      const key = await new Promise((resolve, reject) =>
        scrypt(
          params.password ?? '',
          Buffer.from(salt ?? '', 'base64'),
          32,
          { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 << 20 },
          (err, k) => (err ? reject(err) : resolve(k)),
        ),
      );
      if (!timingSafeEqual(key, Buffer.from(hash ?? '', 'base64')))
        return send(res, 401, { code: 401, message: 'OBP-20004' });
      const ttl = 3600;
      const token = await pool.query({
        name: 'baseline_token',
        text: "INSERT INTO auth_token (user_id, consumer_id, expires_at) VALUES ($1, $2, now() + interval '1 hour') RETURNING id",
        values: [user.rows[0].id, consumer.rows[0].id],
      });
      const now = Math.floor(Date.now() / 1000);
      send(res, 201, {
        token: signJwt({
          sub: user.rows[0].id,
          cid: consumer.rows[0].id,
          iat: now,
          exp: now + ttl,
          jti: token.rows[0].id,
          nonce: randomBytes(4).toString('hex'),
        }),
      });
    },
  ],
  ['GET', /^\/health\/ready$/, (_req, res) => send(res, 200, { status: 'ok' })],
];

createServer((req, res) => {
  const path = req.url.split('?')[0];
  for (const [method, pattern, handler] of routes) {
    const m = req.method === method && pattern.exec(path);
    if (m) {
      Promise.resolve(handler(req, res, m.slice(1))).catch((err) => {
        process.stderr.write(`baseline: ${err.message}\n`);
        if (!res.headersSent) send(res, 500, { code: 500, message: 'baseline error' });
      });
      return;
    }
  }
  send(res, 404, { code: 404, message: 'OBP-10404' });
}).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
