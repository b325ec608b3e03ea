import { withAdminClient } from '../support/database';
import { createTestApp, type TestApp } from '../support/test-app';

describe('platform: errors, headers and operations', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describe('GET /obp/v3.1.0/root', () => {
    it('answers 200 with OBP API info, CORS and a Correlation-Id', async () => {
      const res = await t.http.get('/obp/v3.1.0/root').expect(200);
      expect(res.body).toEqual({
        version: 'v3.1.0',
        version_status: 'STABLE',
        git_commit: '',
        connector: 'mapped',
        hosted_by: {
          organisation: 'TESOBE',
          email: 'contact@tesobe.com',
          phone: '+49 (0)30 8145 3994',
          organisation_website: 'https://www.tesobe.com',
        },
      });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers at the bare version prefix too', async () => {
      const v310 = await t.http.get('/obp/v3.1.0/').expect(200);
      expect(v310.body.version).toBe('v3.1.0');
      const v510 = await t.http.get('/obp/v5.1.0').expect(200);
      expect(v510.body).toMatchObject({ version: 'v5.1.0', resource_docs_requires_role: false });
    });

    it('echoes a well-formed Correlation-Id', async () => {
      const res = await t.http.get('/obp/v3.1.0/root').set('Correlation-Id', 'abc-123').expect(200);
      expect(res.headers['correlation-id']).toBe('abc-123');
    });

    it('answers the v4.0.0 root with the fields the API Explorer reads', async () => {
      const res = await t.http.get('/obp/v4.0.0/root').expect(200);
      expect(res.body).toMatchObject({ version: 'v4.0.0', resource_docs_requires_role: false });
      expect(typeof res.body.hostname).toBe('string');
      expect(res.body.hosted_at).toEqual({
        organisation: 'TESOBE',
        organisation_website: 'https://www.tesobe.com',
      });
    });
  });

  describe('unknown routes and bad bodies', () => {
    it('answers 404 OBP-10404 for an unknown route', async () => {
      const res = await t.http.get('/obp/v3.1.0/no-such-thing').expect(404);
      expect(res.body.code).toBe(404);
      expect(res.body.message).toMatch(/^OBP-10404: 404 Not Found\./);
      expect(res.body.message).toContain('Current Url is (/obp/v3.1.0/no-such-thing)');
    });

    it('answers 400 OBP-10001 for malformed JSON', async () => {
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .set('Content-Type', 'application/json')
        .send('{"email": ')
        .expect(400);
      expect(res.body.code).toBe(400);
      expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\./);
    });

    it('answers 404 OBP-10404 for a body that is not JSON', async () => {
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
      expect(res.body.message).toContain('Current Content-Type Header is (text/plain)');
    });

    it('answers 413 with an OBP code for a 5 MB body', async () => {
      const big = JSON.stringify({ email: 'x'.repeat(5 * 1024 * 1024) });
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .set('Content-Type', 'application/json')
        .send(big);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 413, message: expect.stringMatching(/^OBP-10050: /) });
    });

    it.each([
      [
        'NUL bytes',
        '{"email":"a\\u0000b","username":"\\u0000","password":"x","first_name":"a","last_name":"b"}',
      ],
      ['deep nesting', '['.repeat(100000) + ']'.repeat(100000)],
      [
        'a huge number',
        '{"email":1e999999,"username":"x","password":"x","first_name":"a","last_name":"b"}',
      ],
      ['duplicate keys', '{"email":"a@b.c","email":"d@e.f"}'],
      ['__proto__ keys', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'],
      ['a bare string', '"hello"'],
      ['null', 'null'],
    ])('never answers 5xx to hostile input: %s', async (_name, body) => {
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.code).toBe(res.status);
      expect(res.body.message).toMatch(/^OBP-\d{5}: /);
    });
  });

  describe('operations', () => {
    it('GET /health/live answers 200', async () => {
      await t.http.get('/health/live').expect(200, { status: 'ok' });
    });

    it('GET /health/ready answers 200 while the database is up', async () => {
      await t.http.get('/health/ready').expect(200, { status: 'ok', database: 'up' });
    });

    it('GET /health/ready answers 503 while the database is unreachable, and 200 again after', async () => {
      const name = (t.db.options as { url?: string }).url!.split('/').pop()!;
      await withAdminClient(async (client) => {
        await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
      });
      try {
        const res = await t.http.get('/health/ready').expect(503);
        expect(res.body).toEqual({ code: 503, message: expect.stringMatching(/^OBP-50016: /) });
        await t.http.get('/health/live').expect(200);
      } finally {
        await withAdminClient((client) =>
          client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`),
        );
      }
      await t.http.get('/health/ready').expect(200);
    });

    it('GET /metrics counts requests by route pattern and status', async () => {
      await t.http.get('/obp/v3.1.0/root').expect(200);
      const res = await t.http.get('/metrics').expect(200);
      expect(res.text).toMatch(
        /http_requests_total\{method="GET",route="\/obp\/v3\.1\.0\/root",status="200"\} \d+/,
      );
      expect(res.text).toContain('http_request_duration_seconds_bucket');
    });
  });
});
