import { maxHeaderSize, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = '/obp/v3.1.0/root';

/** One raw HTTP/1.1 exchange: what Node's parser refuses never reaches supertest's client. */
function raw(
  server: Server,
  request: string,
): Promise<{ status: number; headers: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

describe('HTTP hardening: security headers, size limits, CORS', () => {
  let t: TestApp;
  let server: Server;
  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => t.close());

  describe('security headers (helmet)', () => {
    it('sends them on API answers, errors included, with a CSP that allows nothing', async () => {
      for (const res of [
        await t.http.get(ROOT).expect(200),
        await t.http.get('/nope').expect(404),
      ]) {
        expect(res.headers).toMatchObject({
          'content-security-policy':
            "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'strict-transport-security': 'max-age=31536000; includeSubDomains',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('lets the explorer and /docs pages keep their own CSP', async () => {
      const explorer = await t.http.get('/explorer').expect(200);
      expect(explorer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(explorer.headers['content-security-policy']).not.toContain('unsafe-inline');
      const docs = await t.http.get('/docs').expect(200);
      expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(docs.headers['content-security-policy']).not.toContain('script-src *');
    });
  });

  describe('URL and header size', () => {
    it('answers 414 OBP-10017 for a URL over 8192 characters', async () => {
      const res = await t.http.get(`${ROOT}?x=${'a'.repeat(8192)}`);
      expect(res.status).toBe(414);
      expect(res.body).toEqual({
        code: 414,
        message: 'OBP-10017: Incorrect URL Format. The URL exceeds the limit of 8192 characters.',
      });
    });

    it('answers 414 OBP-10017 for one path parameter over 8192 characters (the router refuses it)', async () => {
      const res = await t.http.get(`/obp/v3.1.0/banks/${'b'.repeat(8200)}`);
      expect(res.status).toBe(414);
      expect(res.body).toEqual({
        code: 414,
        message:
          'OBP-10017: Incorrect URL Format. A path parameter exceeds the limit of 8192 characters.',
      });
    });

    it('answers 400 OBP-10017 for a path parameter that is not valid percent-encoding', async () => {
      const res = await t.http.get('/obp/v3.1.0/banks/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-10017: Incorrect URL Format. A path parameter is not valid percent-encoded text.',
      });
    });

    it('answers 400 OBP-10001 for a JSON body nested deeper than 32 levels, before validation', async () => {
      const token = await t.seed.token({ CanCreateBank: '' });
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const res = await t.http
        .post('/obp/v3.1.0/banks')
        .set(t.auth(token))
        .set('Content-Type', 'application/json')
        .send(`{"id":${deep}}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-10001: Incorrect json format. The body nests deeper than 32 levels.',
      });
      // 32 levels are still JSON the validator judges (here: a wrong type, OBP-10001 too)
      const ok = '['.repeat(31) + ']'.repeat(31);
      const res2 = await t.http
        .post('/obp/v3.1.0/banks')
        .set(t.auth(token))
        .set('Content-Type', 'application/json')
        .send(`{"id":${ok}}`);
      expect(res2.status).toBe(400);
      expect(res2.body.message).not.toContain('nests deeper');
    });

    it('routes a URL of 8192 characters as usual', async () => {
      const url = `${ROOT}?x=`;
      await t.http.get(url + 'a'.repeat(8192 - url.length)).expect(200);
    });

    it(`answers 431 OBP-10052 for headers over Node's ${maxHeaderSize} bytes, then closes`, async () => {
      const res = await raw(
        server,
        `GET ${ROOT} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(maxHeaderSize)}\r\n\r\n`,
      );
      expect(res.status).toBe(431);
      expect(res.headers).toMatch(/\r\nConnection: close/i);
      expect(JSON.parse(res.body)).toEqual({
        code: 431,
        message: `OBP-10052: Request Header Fields Too Large. The request line and headers exceed ${maxHeaderSize} bytes.`,
      });
    });

    it('serves headers just under the limit', async () => {
      const res = await t.http.get(ROOT).set('X-Big', 'a'.repeat(maxHeaderSize - 1024));
      expect(res.status).toBe(200);
    });

    it('answers 400 OBP-10054 for a request Node cannot parse', async () => {
      const res = await raw(server, 'NOT HTTP AT ALL\r\n\r\n');
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({
        code: 400,
        message: 'OBP-10054: Bad Request. The HTTP request could not be parsed.',
      });
    });
  });

  describe('CORS', () => {
    it('allows any origin by default, as OBP', async () => {
      const res = await t.http.get(ROOT).set('Origin', 'https://anywhere.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    describe('CORS_ORIGINS', () => {
      let c: TestApp;
      beforeAll(
        async () =>
          (c = await createTestApp({
            env: { CORS_ORIGINS: 'https://explorer.example, http://localhost:5173' },
          })),
      );
      afterAll(() => c.close());

      it('allows the listed origins only', async () => {
        const ok = await c.http.get(ROOT).set('Origin', 'https://explorer.example').expect(200);
        expect(ok.headers['access-control-allow-origin']).toBe('https://explorer.example');
        expect(ok.headers.vary).toMatch(/Origin/);
        const other = await c.http.get(ROOT).set('Origin', 'https://evil.example').expect(200);
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
      });

      it('answers the preflight of a listed origin', async () => {
        const res = await c.http
          .options('/obp/v3.1.0/banks')
          .set('Origin', 'http://localhost:5173')
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'DirectLogin, Content-Type')
          .expect(204);
        expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
        expect(res.headers['access-control-allow-headers']).toContain('DirectLogin');
      });
    });
  });
});
