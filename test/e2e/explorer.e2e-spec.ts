import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ObpError } from '../../src/common/errors/obp-errors';
import { createTestApp, type TestApp } from '../support/test-app';

const ASSETS = join(__dirname, '../../src/modules/explorer/assets');

/** Every URL a page or stylesheet would fetch or navigate to (src, href, url(), import, fetch). */
function referencedUrls(text: string): string[] {
  const patterns = [
    /\b(?:src|href|action)\s*=\s*["']([^"']+)["']/gi,
    /url\(\s*["']?([^"')]+)["']?\s*\)/gi,
    /\bimport\s[^'"]*["']([^"']+)["']/g,
    /@import\s+["']([^"']+)["']/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]));
}

const isExternal = (url: string): boolean => /^(https?:)?\/\//i.test(url);

describe('explorer and docs pages', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describe('GET /explorer', () => {
    it('answers the explorer page as HTML with a strict same-origin CSP', async () => {
      const res = await t.http.get('/explorer').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain(
        '<script type="module" src="/explorer/assets/explorer.js"></script>',
      );
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('also answers with a trailing slash', async () => {
      const res = await t.http.get('/explorer/').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    });

    it('needs no token and refers to no other origin', async () => {
      const res = await t.http.get('/explorer').expect(200);
      const urls = referencedUrls(res.text);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter(isExternal)).toEqual([]);
    });
  });

  describe('GET /explorer/assets/FILE', () => {
    it.each([
      ['explorer.js', /^(text|application)\/javascript/],
      ['api.js', /^(text|application)\/javascript/],
      ['dom.js', /^(text|application)\/javascript/],
      ['i18n.js', /^(text|application)\/javascript/],
      ['snippets.js', /^(text|application)\/javascript/],
      ['theme.js', /^(text|application)\/javascript/],
      ['docs.js', /^(text|application)\/javascript/],
      ['explorer.css', /^text\/css/],
      ['docs.css', /^text\/css/],
      ['favicon.svg', /^image\/svg\+xml/],
    ])('serves %s with its content type', async (file, type) => {
      const res = await t.http.get(`/explorer/assets/${file}`).expect(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers.etag).toBeDefined();
    });

    it('answers 304 to a revalidation with the same ETag', async () => {
      const first = await t.http.get('/explorer/assets/explorer.css').expect(200);
      await t.http
        .get('/explorer/assets/explorer.css')
        .set('If-None-Match', first.headers.etag)
        .expect(304);
    });

    it('serves every file of the assets folder, and they fetch nothing from another origin', async () => {
      for (const file of readdirSync(ASSETS)) {
        const res = await t.http.get(`/explorer/assets/${file}`).buffer(true);
        expect({ file, status: res.status }).toEqual({ file, status: 200 });
        if (/\.(html|css|js)$/.test(file)) {
          const text = readFileSync(join(ASSETS, file), 'utf8');
          expect({ file, external: referencedUrls(text).filter(isExternal) }).toEqual({
            file,
            external: [],
          });
        }
      }
    });

    it.each([
      ['an unknown file', '/explorer/assets/nope.js'],
      ['a path outside the folder', '/explorer/assets/..%2F..%2F..%2F..%2Fpackage.json'],
      ['a dot file', '/explorer/assets/.env'],
      ['a source file of the module', '/explorer/assets/explorer.controller.ts'],
    ])('answers 404 OBP-10404 for %s', async (_name, url) => {
      const res = await t.http.get(url).expect(404);
      expect(res.body.code).toBe(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });
  });

  describe('GET /explorer/errors.json', () => {
    it('lists every catalog error with its OBP code and HTTP status', async () => {
      const res = await t.http.get('/explorer/errors.json').expect(200);
      expect(res.body.errors).toHaveLength(Object.keys(ObpError).length);
      expect(res.body.errors).toContainEqual({
        name: 'CustomerNotFoundByCustomerId',
        code: 'OBP-30046',
        status: 404,
        message: ObpError.CustomerNotFoundByCustomerId.message,
      });
      expect(res.body.errors).toContainEqual({
        name: 'UserNotLoggedIn',
        code: 'OBP-20001',
        status: 401,
        message: 'OBP-20001: User not logged in. Authentication is required!',
      });
    });
  });

  describe('GET /docs', () => {
    it('answers Swagger UI over /openapi.json as HTML, from this origin only', async () => {
      const res = await t.http.get('/docs').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<script src="/docs/swagger-ui-bundle.js"></script>');
      expect(res.text).toContain('<script src="/explorer/assets/docs.js"></script>');
      expect(referencedUrls(res.text).filter(isExternal)).toEqual([]);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    });

    it('configures deep links, kept authorization, extensions and no external validator', () => {
      const init = readFileSync(join(ASSETS, 'docs.js'), 'utf8');
      expect(init).toContain("fetch('/openapi.json'");
      expect(init).toMatch(/deepLinking: true/);
      expect(init).toMatch(/persistAuthorization: true/);
      expect(init).toMatch(/showExtensions: true/);
      expect(init).toMatch(/validatorUrl: null/);
    });
  });

  describe('GET /docs/FILE', () => {
    it.each([
      ['swagger-ui-bundle.js', /^(text|application)\/javascript/],
      ['swagger-ui.css', /^text\/css/],
      ['favicon-32x32.png', /^image\/png/],
    ])('serves swagger-ui-dist %s with its content type', async (file, type) => {
      const res = await t.http.get(`/docs/${file}`).buffer(true).expect(200);
      expect(res.headers['content-type']).toMatch(type);
    });

    it('answers 404 OBP-10404 for a file of the package it does not serve', async () => {
      const res = await t.http.get('/docs/package.json').expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });
  });

  it('keeps the pages out of the OpenAPI document', async () => {
    const res = await t.http.get('/openapi.json').expect(200);
    const paths = Object.keys(res.body.paths as object);
    expect(paths.filter((p) => p.startsWith('/explorer') || p.startsWith('/docs'))).toEqual([]);
  });
});
