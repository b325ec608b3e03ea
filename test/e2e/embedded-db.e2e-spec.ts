import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankEntity } from '../../src/modules/bank/bank.entity';
import { createTestApp, type TestApp } from '../support/test-app';

const newUser = (username: string) => ({
  email: `${username}@example.com`,
  username,
  password: 'Embedded-Passw0rd!',
  first_name: 'Emma',
  last_name: 'Bedded',
});

/** The embedded default (no DATABASE_URL): PGlite persisted in DATA_DIR, same migrations. */
// PGlite's first start (initdb in WebAssembly) takes seconds, more on a busy machine
jest.setTimeout(180_000);

describe('embedded PGlite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-pglite-'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      embedded: true,
      env: { DATA_DIR: dataDir, OBP_CONSUMER_KEY: 'embedded-key' },
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the whole migration history', async () => {
    const rows: { name: string }[] = await t.db.query('SELECT name FROM migrations ORDER BY id');
    const files = t.db.migrations.map((m) => m.name);
    expect(rows.map((r) => r.name)).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
  });

  it('serves the API: sign up, DirectLogin, current user', async () => {
    await t.http.post('/obp/v3.1.0/users').send(newUser('embedded.user1')).expect(201);
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        'username=embedded.user1, password=Embedded-Passw0rd!, consumer_key=embedded-key',
      )
      .expect(201);
    const me = await t.http
      .get('/obp/v3.1.0/users/current')
      .set(t.auth(login.body.token))
      .expect(200);
    expect(me.body.username).toBe('embedded.user1');
  });

  it('keeps exactly the committed rows of 100 concurrent transactions, some rolled back', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.insert(BankEntity, {
            id: `conc-${i}`,
            shortName: `b${i}`,
            fullName: `Bank ${i}`,
            logoUrl: '',
            websiteUrl: '',
            swiftBic: '',
            nationalIdentifier: '',
            bankRoutingScheme: '',
            bankRoutingAddress: '',
          });
          await new Promise((r) => setTimeout(r, 5)); // hold the transaction open across the event loop
          if (i % 3 === 0) throw new Error(`roll back ${i}`);
        }),
      ),
    );
    const committed = results.flatMap((r, i) => (r.status === 'fulfilled' ? [`conc-${i}`] : []));
    expect(committed).toHaveLength(66);
    const rows: { id: string }[] = await t.db.query(
      `SELECT id FROM bank WHERE id LIKE 'conc-%' ORDER BY id`,
    );
    expect(rows.map((r) => r.id)).toEqual([...committed].sort());
  });

  it('answers concurrent HTTP writes consistently (no lost or duplicated users)', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `concurrent.u${i}`);
    const responses = await Promise.all(
      [...names, ...names].map((n) => t.http.post('/obp/v3.1.0/users').send(newUser(n))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(20);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM app_user WHERE username LIKE 'concurrent.u%'`,
    );
    expect(rows[0].n).toBe('20');
  });

  it('keeps data across a restart on the same DATA_DIR', async () => {
    await t.close();
    t = await createTestApp({
      embedded: true,
      env: { DATA_DIR: dataDir, OBP_CONSUMER_KEY: 'embedded-key' },
    });
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        'username=embedded.user1, password=Embedded-Passw0rd!, consumer_key=embedded-key',
      )
      .expect(201);
    await t.http.get('/obp/v3.1.0/users/current').set(t.auth(login.body.token)).expect(200);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM bank WHERE id LIKE 'conc-%'`,
    );
    expect(rows[0].n).toBe('66');
  });
});
