import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';

describe('API collections', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describe('GET /my/api-collections', () => {
    it.each(['v4.0.0', 'v5.1.0'])(
      'answers 401 OBP-20001 with WWW-Authenticate without a token under %s (Explorer II at start-up)',
      async (v) => {
        const res = await t.http.get(`/obp/${v}/my/api-collections`).expect(401);
        expect(res.body).toEqual(NOT_LOGGED_IN);
        expect(res.headers['www-authenticate']).toContain('DirectLogin realm=');
      },
    );

    it('answers 401 OBP-20003 for an invalid token', async () => {
      const res = await t.http
        .get('/obp/v4.0.0/my/api-collections')
        .set(t.auth('not-a-token'))
        .expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: 'OBP-20003: This DirectLogin token is invalid or expired:not-a-token',
      });
    });

    it.each(['v4.0.0', 'v5.0.0', 'v5.1.0'])(
      "answers 200 ApiCollectionsJson400 with the user's collections (none stored) under %s",
      async (v) => {
        const token = await t.seed.token();
        const res = await t.http.get(`/obp/${v}/my/api-collections`).set(t.auth(token)).expect(200);
        expect(res.body).toEqual({ api_collections: [] });
      },
    );

    it('is not served before v4.0.0 (404 OBP-10404)', async () => {
      const token = await t.seed.token();
      const res = await t.http.get('/obp/v3.1.0/my/api-collections').set(t.auth(token)).expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });
  });
});
