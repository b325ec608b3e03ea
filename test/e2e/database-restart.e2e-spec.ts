import { KycStatusEntity } from '../../src/modules/kyc/kyc-status.entity';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #12 point 2: a full stop and start of PostgreSQL under write load. The server runs on a
 * PostgreSQL of this file's own (the machine's server is shared by every other test file).
 */
const V = '/obp/v3.1.0';
const CONCURRENCY = 10;
const UNAVAILABLE = {
  code: 503,
  message: 'OBP-50016: The service is unavailable: the database cannot be reached.',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL stopped and started under load', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    // `database` skips the clone from the machine's template: the app migrates its own server
    t = await createTestApp({ database: 'private', env: { DATABASE_URL: pg.url } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  it('answers 201 or 503 OBP-50016 (never 500), readiness goes red and green again, every acknowledged write is stored', async () => {
    const { bank, customer } = await t.seed.customer();
    const token = await t.seed.token({ CanAddKycStatus: bank.id });
    const url = `${V}/banks/${bank.id}/customers/${customer.id}/kyc_statuses`;
    const put = (marker: string) =>
      t.http
        .put(url)
        .set(t.auth(token))
        .send({ customer_number: marker, ok: true, date: '2017-09-19T00:00:00Z' });

    const statuses = new Map<number, number>();
    const unexpected: unknown[] = [];
    const acknowledged: string[] = [];
    const sent: string[] = [];
    let running = true;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const marker = `r-${w}-${i}`;
        sent.push(marker);
        const res = await put(marker);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(marker);
        else if (res.status !== 503 || JSON.stringify(res.body) !== JSON.stringify(UNAVAILABLE))
          unexpected.push({ status: res.status, body: res.body as unknown });
        // while the database is down answers come at once: do not spin the event loop
        if (res.status === 503) await sleep(20);
      }
    };
    const readiness: number[] = [];
    const ready = async () => {
      const res = await t.http.get('/health/ready');
      readiness.push(res.status);
      return res;
    };
    const operator = async (): Promise<{ red: unknown; green: number }> => {
      await sleep(800);
      await pg.stop();
      // while it is down readiness is red, with the OBP error
      const down = await ready();
      await sleep(1500);
      await pg.start();
      const started = Date.now();
      let res = await ready();
      while (res.status !== 200 && Date.now() - started < 20_000) {
        await sleep(100);
        res = await ready();
      }
      await sleep(800);
      running = false;
      return { red: { status: down.status, body: down.body as unknown }, green: res.status };
    };
    const [{ red, green }] = await Promise.all([
      operator(),
      ...Array.from({ length: CONCURRENCY }, (_, w) => worker(w)),
    ]);

    expect(red).toEqual({ status: 503, body: UNAVAILABLE });
    expect(green).toBe(200);
    expect(unexpected).toEqual([]);
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    // the stop was felt, and writes went through before and after it
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(CONCURRENCY);

    await put('after').expect(201);
    const stored = new Set(
      (await t.db.getRepository(KycStatusEntity).findBy({ customerId: customer.id })).map(
        (r) => r.customerNumber,
      ),
    );
    expect(acknowledged.filter((m) => !stored.has(m))).toEqual([]);
    const sentSet = new Set([...sent, 'after']);
    expect([...stored].filter((m) => !sentSet.has(m))).toEqual([]);
    // a request that died with the server may have committed (its answer lost): at most the in-flight ones
    expect(stored.size - 1 - acknowledged.length).toBeLessThanOrEqual(CONCURRENCY);
    process.stdout.write(
      `database restart: ${sent.length} PUTs sent, ${acknowledged.length} acknowledged, ${stored.size - 1} stored, ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}, readiness ${readiness.join(',')}\n`,
    );
  }, 90_000);
});
