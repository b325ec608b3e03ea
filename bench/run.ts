/**
 * `npm run bench`: this server beside a raw baseline (bench/baseline/server.js: node:http + pg, no
 * framework, the same work per request), in one run on this machine. Builds the server, then for
 * each of the two starts it on a fresh migrated PostgreSQL database, seeds the same data with SQL,
 * drives the same load with autocannon (this process; the server is another), and reports req/s,
 * p50/p90/p99, errors and ours / baseline. Fails (exit 1) when a target of issue #11 is missed.
 * Results: bench/results/<date>.json; bench/README.md keeps the table of every attempt.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/common/security/password-hash';
import { typeormOptions } from '../src/database/typeorm-options';

export const ROOT = join(__dirname, '..');
export const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CUSTOMERS = 1_000;
const SCALE_CUSTOMERS = Number(process.env.BENCH_SCALE_CUSTOMERS ?? 100_000);
const STATUSES_PER_CUSTOMER = 5;
const PASSWORD = 'Bench-Admin-Passw0rd!';
const CONSUMER_KEY = 'bench-consumer-key';

/** Issue #11's targets: ratios to the baseline measured in the same run, and a few absolutes. */
const TARGETS = {
  statusReadRatio: 0.6,
  statusReadP99Factor: 2,
  statusWriteRatio: 0.5,
  /** Issue #15: a registered webhook may cost the write ratio at most 10 % of its target. */
  statusWriteWithWebhookRatio: 0.5 * 0.9,
  resourceDocsRps: 5000,
  scaleRatio: 0.8,
  rssUnderLoadMiB: 250,
  startToReadyMs: 2000,
  /** Issue #12: reads keep ≥ 0.7 × their throughput during a login flood. */
  loginFloodReadRatio: 0.7,
};

type Kind = 'ours' | 'baseline' | 'nest-express' | 'nest-fastify';

interface Fixture {
  bankId: string;
  customers: { id: string; number: string }[];
  docsCustomer: string;
  token: string;
}

interface Figures {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  statusCodes: Record<string, number>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(field));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitReady(base: string, limitMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now() - t0;
    await sleep(10);
  }
  throw new Error(`${base} did not become ready`);
}

/** A fresh database with the migrations applied (the server then finds nothing pending). */
export async function freshDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const ds = new DataSource(typeormOptions({ url: `${PG}/${name}` }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
}

const CUSTOMER_COLUMNS =
  'bank_id, customer_number, legal_name, mobile_phone_number, email, face_image_url, face_image_date,' +
  ' date_of_birth, relationship_status, dependants, dob_of_dependants, credit_rating_rating,' +
  ' credit_rating_source, credit_limit_currency, credit_limit_amount, highest_education_attained,' +
  ' employment_status, kyc_status, last_ok_date, title, branch_id, name_suffix';

/** Customers `from`..`to` (numbers), each with five KYC statuses, in two INSERT … SELECTs. */
async function seedCustomers(db: Client, bankId: string, from: number, to: number): Promise<void> {
  // one statement: the statuses join the rows just inserted (a planner working from the stats of a
  // 1 000-row table would otherwise nest-loop over 100 000 customers)
  await db.query(
    `WITH c AS (
       INSERT INTO customer (${CUSTOMER_COLUMNS})
       SELECT $1, 'C' || g, 'Customer ' || g, '+44 ' || g, 'c' || g || '@example.com', 'x',
              '2017-09-19T00:00:00Z', '1980-01-01T00:00:00Z', 'single', 0, '{}', 'A', 'B', 'EUR', '0',
              'x', 'x', true, '2017-09-19T00:00:00Z', 'Dr', 'B', ''
       FROM generate_series($2::int, $3::int) g
       RETURNING id, bank_id, customer_number)
     INSERT INTO kyc_status (bank_id, customer_id, customer_number, ok, date, created_at)
     SELECT c.bank_id, c.id, c.customer_number, s % 2 = 0, '2017-09-19T00:00:00Z', now() - s * interval '1 minute'
     FROM c CROSS JOIN generate_series(1, ${STATUSES_PER_CUSTOMER}) s`,
    [bankId, from, to],
  );
  await db.query('ANALYZE');
}

/** The same rows for both servers: a bank, the admin with every role used, 1 000 customers, … */
export async function seed(dbName: string, secret: string): Promise<Fixture> {
  const db = new Client({ connectionString: `${PG}/${dbName}` });
  await db.connect();
  try {
    const bankId = 'bench.bank.01';
    await db.query(
      `INSERT INTO bank (id, short_name, full_name, logo_url, website_url, swift_bic, national_identifier,
         bank_routing_scheme, bank_routing_address) VALUES ($1, 'Bench', 'Bench Bank', '', '', 'BENCHGB2', 'B1', 'BIC', 'BENCHGB2')`,
      [bankId],
    );
    const hash = await hashPassword(PASSWORD);
    const user = await db.query<{ id: string }>(
      `INSERT INTO app_user (username, email, first_name, last_name, password_hash, provider, validated)
       VALUES ('bench.admin', 'bench@example.com', 'Bench', 'Admin', $1, 'http://127.0.0.1', true) RETURNING id`,
      [hash],
    );
    const userId = user.rows[0].id;
    const consumer = await db.query<{ id: string }>(
      `INSERT INTO consumer (consumer_key, app_name, enabled) VALUES ($1, 'bench', true) RETURNING id`,
      [CONSUMER_KEY],
    );
    const consumerId = consumer.rows[0].id;
    const grants: [string, string][] = [
      ['CanGetAnyKycStatuses', ''],
      ['CanGetAnyKycDocuments', ''],
      ['CanAddKycStatus', bankId],
      ['CanCreateTaxResidence', bankId],
      ['CanGetCustomerAddress', bankId],
      ['CanCreateEntitlementAtAnyBank', ''],
      ['CanCreateWebhookAtOneBank', bankId],
      ['CanDeleteWebhookAtOneBank', bankId],
    ];
    for (const [role, bank] of grants) {
      await db.query('INSERT INTO entitlement (user_id, role_name, bank_id) VALUES ($1, $2, $3)', [
        userId,
        role,
        bank,
      ]);
    }
    await seedCustomers(db, bankId, 1, CUSTOMERS);
    const customers = (
      await db.query<{ id: string; number: string }>(
        'SELECT id, customer_number AS number FROM customer ORDER BY customer_number',
      )
    ).rows;
    const docsCustomer = customers[0].id;
    await db.query(
      `INSERT INTO kyc_document (id, bank_id, customer_id, customer_number, type, number, issue_date, issue_place, expiry_date)
       SELECT 'seed-' || g, $1, $2, 'C1', 'passport', 'N' || g, '2015-01-01T00:00:00Z', 'Berlin', '2025-01-01T00:00:00Z'
       FROM generate_series(1, 20) g`,
      [bankId, docsCustomer],
    );
    await db.query(
      `INSERT INTO customer_address (customer_id, line1, line2, line3, city, county, state, postcode, country_code, tags, status)
       SELECT $1, 'No ' || g || ' the Road', 'The Place', '', 'Berlin', '', 'Berlin', '10115', 'DE', '{home}', 'active'
       FROM generate_series(1, 3) g`,
      [docsCustomer],
    );
    const row = await db.query<{ id: string }>(
      `INSERT INTO auth_token (user_id, consumer_id, expires_at) VALUES ($1, $2, now() + interval '1 day') RETURNING id`,
      [userId, consumerId],
    );
    const token = jwt.sign({ sub: userId, cid: consumerId }, secret, {
      algorithm: 'HS256',
      header: { alg: 'HS256' },
      expiresIn: 86_400,
      jwtid: row.rows[0].id,
    });
    return { bankId, customers, docsCustomer, token };
  } finally {
    await db.end();
  }
}

interface Scenario {
  name: string;
  /** Only ours has a target of its own for this one (no ratio). */
  build: (f: Fixture, counter: { n: number }) => autocannon.Request;
  /** Run on our server only, inside `around` (set-up before the warm-up, tear-down after). */
  oursOnly?: {
    around: (port: number, f: Fixture, run: () => Promise<Figures>) => Promise<Figures>;
  };
}

/**
 * Issue #15: the status write with a webhook registered for its event (kyc_status.added), its
 * receiver in this process answering 200. Delivery happens beside the writes; the figure is the
 * writes' req/s. What the receiver got is reported, and the webhook is deleted afterwards.
 */
async function withWebhook(
  port: number,
  f: Fixture,
  run: () => Promise<Figures>,
): Promise<Figures> {
  let received = 0;
  const receiver = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const { port: receiverPort } = receiver.address() as { port: number };
  const base = `http://127.0.0.1:${port}/kyc/v1.0.0/banks/${f.bankId}/webhooks`;
  const headers = { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' };
  const created = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      url: `http://127.0.0.1:${receiverPort}/bench`,
      event_types: ['kyc_status.added'],
    }),
  });
  if (created.status !== 201) throw new Error(`webhook not created: ${created.status}`);
  const { webhook_id } = (await created.json()) as { webhook_id: string };
  try {
    const figures = await run();
    console.log(`ours     webhook receiver got ${received} requests during the scenario`);
    return figures;
  } finally {
    await fetch(`${base}/${webhook_id}`, { method: 'DELETE', headers });
    await new Promise((r) => receiver.close(r));
  }
}

const STATUS_BODY = (f: Fixture, i: number) => {
  const c = f.customers[i % f.customers.length];
  return {
    method: 'PUT' as const,
    path: `/obp/v3.1.0/banks/${f.bankId}/customers/${c.id}/kyc_statuses`,
    body: JSON.stringify({
      customer_number: c.number,
      ok: i % 2 === 0,
      date: '2017-09-19T00:00:00Z',
    }),
  };
};
const STATUS_READ = (f: Fixture, i: number) => ({
  method: 'GET' as const,
  path: `/obp/v3.1.0/customers/${f.customers[i % f.customers.length].id}/kyc_statuses`,
});

const MIX = (f: Fixture, i: number) => (i % 10 === 9 ? STATUS_BODY(f, i) : STATUS_READ(f, i));

export const SCENARIOS: Scenario[] = [
  { name: 'kyc_status_read', build: (f, c) => STATUS_READ(f, c.n++) },
  { name: 'kyc_status_write', build: (f, c) => STATUS_BODY(f, c.n++) },
  {
    name: 'kyc_documents_read',
    build: (f) => ({
      method: 'GET',
      path: `/obp/v3.1.0/customers/${f.docsCustomer}/kyc_documents`,
    }),
  },
  {
    name: 'tax_residence_create',
    build: (f, c) => {
      const customer = f.customers[c.n % f.customers.length];
      return {
        method: 'POST',
        path: `/obp/v3.1.0/banks/${f.bankId}/customers/${customer.id}/tax-residence`,
        body: JSON.stringify({ domain: 'DE', tax_number: `T${c.n++}` }),
      };
    },
  },
  {
    name: 'addresses_read',
    build: (f) => ({
      method: 'GET',
      path: `/obp/v3.1.0/banks/${f.bankId}/customers/${f.docsCustomer}/addresses`,
    }),
  },
  {
    name: 'resource_docs_kyc',
    build: () => ({ method: 'GET', path: '/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=KYC' }),
  },
  { name: 'mix_90_read_10_write', build: (f, c) => MIX(f, c.n++) },
  {
    name: 'kyc_status_write_webhook',
    build: (f, c) => STATUS_BODY(f, c.n++),
    oursOnly: { around: withWebhook },
  },
  {
    name: 'direct_login',
    build: () => ({
      method: 'POST',
      path: '/my/logins/direct',
      headers: {
        DirectLogin: `username=bench.admin, password=${PASSWORD}, consumer_key=${CONSUMER_KEY}`,
      },
    }),
  },
];

export function drive(
  port: number,
  token: string,
  build: () => autocannon.Request,
  seconds: number,
  connections = CONNECTIONS,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        // a whole new request each time: autocannon hands setupRequest the previous one, whose
        // headers would carry a PUT's Content-Length onto the next GET
        requests: [
          {
            setupRequest: () => {
              const r = build();
              const headers: Record<string, string> = { authorization: `Bearer ${token}` };
              if (r.body !== undefined) headers['content-type'] = 'application/json';
              return {
                method: r.method,
                path: r.path,
                body: r.body,
                headers: { ...headers, ...r.headers },
              };
            },
          },
        ],
      },
      (err, result) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false });
  });
}

async function measure(
  port: number,
  pid: number,
  token: string,
  build: () => autocannon.Request,
  peak: { rss: number },
): Promise<Figures> {
  await drive(port, token, build, WARMUP);
  const sampler = setInterval(() => {
    peak.rss = Math.max(peak.rss, rssMiB(pid, 'VmRSS') || 0);
  }, 250);
  try {
    const r = await drive(port, token, build, SECONDS);
    return {
      rps: r.requests.total / SECONDS,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      requests: r.requests.total,
      statusCodes: Object.fromEntries(
        Object.entries(r.statusCodeStats as Record<string, { count: number }>).map(([code, v]) => [
          code,
          v.count,
        ]),
      ),
    };
  } finally {
    clearInterval(sampler);
  }
}

export function startServer(kind: Kind, port: number, env: Record<string, string>): ChildProcess {
  const entry = {
    ours: 'dist/src/main.js',
    baseline: 'bench/baseline/server.js',
    'nest-express': 'dist/bench/framework/app.js',
    'nest-fastify': 'dist/bench/framework/app.js',
  }[kind];
  const framework = kind.startsWith('nest-') ? { FRAMEWORK: kind.slice(5) } : {};
  const profile =
    kind === 'ours' && process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...flags, ...profile, entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
      ...framework,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export const stop = async (p: ChildProcess): Promise<void> => {
  if (p.exitCode !== null) return;
  p.kill('SIGTERM');
  await new Promise((r) => p.on('exit', r));
};

interface ServerRun {
  startToReadyMs: number;
  rssIdleMiB: number;
  rssUnderLoadMiB: number;
  /** Peak RSS during the DirectLogin scenario (password hashing), apart from the API load. */
  rssDuringLoginsMiB: number;
  scenarios: Record<string, Figures>;
  scale?: { customers1k: Figures; customers100k: Figures };
  /** Ours: audit_event `read` rows of KYC status lists before and after kyc_status_read. */
  accessEvents?: { before: number; after: number };
}

async function runServer(
  kind: Kind,
  admin: Client,
  docsFile: string,
  names?: string[],
): Promise<ServerRun> {
  const dbName = `obp_bench_${process.pid}_${kind}`;
  await freshDatabase(admin, dbName);
  const secret = randomBytes(32).toString('hex');
  const fixture = await seed(dbName, secret);
  const seededAt = new Date();
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: `${PG}/${dbName}`,
    JWT_SECRET: secret,
    LOG_LEVEL: 'info',
    RATE_LIMITS: 'off',
    BASELINE_RESOURCE_DOCS: docsFile,
    // the webhook scenario's receiver is in this process, on loopback
    WEBHOOK_ALLOW_PRIVATE: 'true',
  };
  const server = startServer(kind, port, env);
  try {
    const startToReadyMs = await waitReady(`http://127.0.0.1:${port}`, 60_000);
    await sleep(500);
    const rssIdleMiB = rssMiB(server.pid!, 'VmRSS');
    if (kind === 'ours') {
      const docs = await fetch(
        `http://127.0.0.1:${port}/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=KYC`,
      );
      writeFileSync(docsFile, Buffer.from(await docs.arrayBuffer()));
    }
    const peak = { rss: 0 };
    const loginPeak = { rss: 0 };
    const scenarios: Record<string, Figures> = {};
    // a freshly started server is still compiling its hot paths: both get the same unmeasured
    // reads first, so the first scenario does not measure the JIT (ours has far more to warm);
    // reads only, so the rows every scenario sees stay the same for both
    const warm = { n: 0 };
    await drive(port, fixture.token, () => STATUS_READ(fixture, warm.n++), WARMUP * 3);
    const only = names ?? process.env.BENCH_ONLY?.split(',');
    let accessEvents: { before: number; after: number } | undefined;
    for (const s of SCENARIOS.filter((x) => !only || only.includes(x.name))) {
      if (s.oursOnly && kind !== 'ours') continue;
      const counter = { n: 0 };
      // ours audits every status read (issue #13): access events are on, as in production
      const audited = kind === 'ours' && s.name === 'kyc_status_read';
      const before = audited ? await countStatusReadEvents(dbName) : 0;
      // DirectLogin's scrypt holds 32 MiB per hash on each libuv thread: its peak is reported apart
      const run = () =>
        measure(
          port,
          server.pid!,
          fixture.token,
          () => s.build(fixture, counter),
          s.name === 'direct_login' ? loginPeak : peak,
        );
      scenarios[s.name] = s.oursOnly ? await s.oursOnly.around(port, fixture, run) : await run();
      console.log(`${kind.padEnd(8)} ${s.name.padEnd(22)} ${line(scenarios[s.name])}`);
      if (audited) {
        await sleep(1000); // the buffer's last flush
        accessEvents = { before, after: await countStatusReadEvents(dbName) };
        console.log(
          `ours     access events written during ${s.name}: ${accessEvents.after - accessEvents.before}`,
        );
      }
      // logins still queued on the password-hash threads must not slow the next scenario
      if (s.name === 'direct_login') await sleep(5000);
    }
    if (kind === 'ours') {
      // where the memory is, after the API load: V8's heap spaces and memory outside the heap
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const memory = metrics
        .split('\n')
        .filter((l) =>
          /^nodejs_(heap_space_size_total_bytes|heap_size_used_bytes|external_memory_bytes)/.test(
            l,
          ),
        )
        .map((l) =>
          l.replace(
            / (\d+(\.\d+)?)$/,
            (_m, v: string) => ` ${(Number(v) / 2 ** 20).toFixed(1)} MiB`,
          ),
        );
      console.log(`ours memory after the API scenarios:\n  ${memory.join('\n  ')}`);
    }
    // read when returning: the scale runs below still raise the peaks
    const figures = () => ({
      startToReadyMs,
      rssIdleMiB,
      rssUnderLoadMiB: peak.rss,
      rssDuringLoginsMiB: loginPeak.rss,
      scenarios,
      accessEvents,
    });
    if (names) return figures();
    // scale: the read over 1 000 customers, then over SCALE_CUSTOMERS (seeded with SQL)
    const read = (f: Fixture) => {
      const counter = { n: 0 };
      return () => STATUS_READ(f, (counter.n = (counter.n + 7919) % 1_000_000_007));
    };
    const db = new Client({ connectionString: `${PG}/${dbName}` });
    await db.connect();
    // the same rows at both sizes: five statuses a customer, without those the writes added
    await db.query('DELETE FROM kyc_status WHERE created_at >= $1', [seededAt]);
    await db.query('VACUUM ANALYZE kyc_status');
    const customers1k = await measure(port, server.pid!, fixture.token, read(fixture), peak);
    console.log(`${kind.padEnd(8)} ${'read @ 1k customers'.padEnd(22)} ${line(customers1k)}`);
    await seedCustomers(db, fixture.bankId, CUSTOMERS + 1, SCALE_CUSTOMERS);
    const all = (
      await db.query<{ id: string; number: string }>(
        'SELECT id, customer_number AS number FROM customer',
      )
    ).rows;
    await db.end();
    const big = { ...fixture, customers: all };
    const customers100k = await measure(port, server.pid!, fixture.token, read(big), peak);
    console.log(
      `${kind.padEnd(8)} ${`read @ ${all.length} customers`.padEnd(22)} ${line(customers100k)}`,
    );
    return { ...figures(), scale: { customers1k, customers100k } };
  } finally {
    await stop(server);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

interface LoginFlood {
  rateLimits: 'on' | 'off';
  readsAlone: Figures;
  readsDuringFlood: Figures;
  flood: { rps: number; statusCodes: Record<string, number> };
  ratio: number;
}

/**
 * Issue #12 point 1: an authenticated client's KYC reads alone, then while 20 other connections
 * send DirectLogins with a wrong username (each a full scrypt unless a limit answers 429 first).
 * With the rate limits at their defaults (the product) and off (every login hashes: the worst case).
 */
async function loginFlood(admin: Client, rateLimits: 'on' | 'off'): Promise<LoginFlood> {
  const dbName = `obp_bench_${process.pid}_flood`;
  await freshDatabase(admin, dbName);
  const secret = randomBytes(32).toString('hex');
  const fixture = await seed(dbName, secret);
  const port = await freePort();
  const server = startServer('ours', port, {
    DATABASE_URL: `${PG}/${dbName}`,
    JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    ...(rateLimits === 'off' ? { RATE_LIMITS: 'off' } : {}),
  });
  try {
    await waitReady(`http://127.0.0.1:${port}`, 60_000);
    const reads = () => {
      const counter = { n: 0 };
      return () => STATUS_READ(fixture, counter.n++);
    };
    await drive(port, fixture.token, reads(), WARMUP * 3);
    const readsAlone = await measure(port, server.pid!, fixture.token, reads(), { rss: 0 });
    let n = 0;
    const flooding = drive(
      port,
      'not-a-token',
      () => ({
        method: 'POST',
        path: '/my/logins/direct',
        headers: {
          DirectLogin: `username=nobody.${n++}, password=wrong-password, consumer_key=${CONSUMER_KEY}`,
        },
      }),
      WARMUP + SECONDS + 1,
      20,
    );
    const readsDuringFlood = await measure(port, server.pid!, fixture.token, reads(), { rss: 0 });
    const f = await flooding;
    const result: LoginFlood = {
      rateLimits,
      readsAlone,
      readsDuringFlood,
      flood: {
        rps: f.requests.total / (WARMUP + SECONDS + 1),
        statusCodes: Object.fromEntries(
          Object.entries(f.statusCodeStats as Record<string, { count: number }>).map(([c, v]) => [
            c,
            v.count,
          ]),
        ),
      },
      ratio: readsDuringFlood.rps / readsAlone.rps,
    };
    console.log(
      `login flood (rate limits ${rateLimits}): reads alone ${line(readsAlone)}; during the flood ${line(readsDuringFlood)}; ` +
        `ratio ${result.ratio.toFixed(2)}; flood ${result.flood.rps.toFixed(0)} req/s ${JSON.stringify(result.flood.statusCodes)}`,
    );
    return result;
  } finally {
    await stop(server);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

/** The audit trail's `read` events of KYC status lists (ours only; the baseline writes none). */
async function countStatusReadEvents(dbName: string): Promise<number> {
  const db = new Client({ connectionString: `${PG}/${dbName}` });
  await db.connect();
  try {
    const r = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_event WHERE action = 'read' AND entity_type = 'kyc_statuses'",
    );
    return Number(r.rows[0].n);
  } finally {
    await db.end();
  }
}

/** The embedded store's first start: initdb in WebAssembly, then migrations; peak RSS at ready. */
async function embeddedFirstStart(): Promise<{ startToReadyMs: number; peakRssMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'obp-bench-embedded-'));
  const port = await freePort();
  const server = startServer('ours', port, { DATA_DIR: dir, LOG_LEVEL: 'warn' });
  try {
    const startToReadyMs = await waitReady(`http://127.0.0.1:${port}`, 120_000);
    return { startToReadyMs, peakRssMiB: rssMiB(server.pid!, 'VmHWM') };
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const line = (f: Figures): string =>
  `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50} ms  p90 ${f.p90} ms  p99 ${f.p99} ms  errors ${f.errors}  non-2xx ${f.non2xx}` +
  (f.non2xx > 0 ? ` ${JSON.stringify(f.statusCodes)}` : '');

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  const admin = new Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  const docsFile = join(mkdtempSync(join(tmpdir(), 'obp-bench-')), 'resource-docs.json');
  console.log(
    `connections=${CONNECTIONS} seconds=${SECONDS} (after ${WARMUP} s warm-up) customers=${CUSTOMERS}`,
  );
  const ours = await runServer('ours', admin, docsFile);
  const baseline = await runServer('baseline', admin, docsFile);
  const framework = {
    express: await runServer('nest-express', admin, docsFile, ['kyc_status_read']),
    fastify: await runServer('nest-fastify', admin, docsFile, ['kyc_status_read']),
  };
  const loginFloods = [await loginFlood(admin, 'on'), await loginFlood(admin, 'off')];
  await admin.end();
  const embedded = await embeddedFirstStart();

  const ratio = (name: string): number =>
    (ours.scenarios[name]?.rps ?? NaN) / (baseline.scenarios[name]?.rps ?? NaN);
  const checks: { what: string; value: string; target: string; ok: boolean }[] = [];
  const check = (what: string, value: number, target: number, atLeast: boolean, unit = '') =>
    checks.push({
      what,
      value: `${value.toFixed(unit ? 0 : 3)}${unit}`,
      target: `${atLeast ? '≥' : '≤'} ${target}${unit}`,
      ok: atLeast ? value >= target : value <= target,
    });
  check(
    'KYC status read, ours / baseline req/s',
    ratio('kyc_status_read'),
    TARGETS.statusReadRatio,
    true,
  );
  check(
    'KYC status read, ours p99 / baseline p99',
    (ours.scenarios.kyc_status_read?.p99 ?? NaN) / (baseline.scenarios.kyc_status_read?.p99 ?? NaN),
    TARGETS.statusReadP99Factor,
    false,
  );
  check(
    'KYC status write, ours / baseline req/s',
    ratio('kyc_status_write'),
    TARGETS.statusWriteRatio,
    true,
  );
  if (ours.scenarios.kyc_status_write_webhook) {
    check(
      'KYC status write with a webhook, ours / baseline write req/s',
      (ours.scenarios.kyc_status_write_webhook.rps ?? NaN) /
        (baseline.scenarios.kyc_status_write?.rps ?? NaN),
      TARGETS.statusWriteWithWebhookRatio,
      true,
    );
  }
  check(
    'resource docs ?tags=KYC req/s',
    ours.scenarios.resource_docs_kyc?.rps ?? NaN,
    TARGETS.resourceDocsRps,
    true,
    '',
  );
  check(
    'read at 100 000 / at 1 000 customers',
    ours.scale!.customers100k.rps / ours.scale!.customers1k.rps,
    TARGETS.scaleRatio,
    true,
  );
  check(
    'KYC reads during a login flood / alone (rate limits on)',
    loginFloods[0].ratio,
    TARGETS.loginFloodReadRatio,
    true,
  );
  check('RSS under API load (MiB)', ours.rssUnderLoadMiB, TARGETS.rssUnderLoadMiB, false, '');
  check('start → ready on PostgreSQL (ms)', ours.startToReadyMs, TARGETS.startToReadyMs, false, '');
  if (ours.accessEvents) {
    // every measured read (all 2xx) wrote its access event, warm-up reads too
    const written = ours.accessEvents.after - ours.accessEvents.before;
    const reads = ours.scenarios.kyc_status_read?.requests ?? NaN;
    checks.push({
      what: 'KYC status read: access events written / measured reads',
      value: (written / reads).toFixed(3),
      target: '≥ 1',
      ok: written >= reads,
    });
  }
  for (const [name, f] of Object.entries(ours.scenarios)) {
    checks.push({
      what: `${name}: errors + non-2xx`,
      value: String(f.errors + f.non2xx),
      target: '= 0',
      ok: f.errors + f.non2xx === 0,
    });
  }

  console.log(
    '\n| scenario | ours req/s | baseline req/s | ours / baseline | ours p50/p90/p99 ms | baseline p50/p90/p99 ms |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const name of Object.keys(ours.scenarios)) {
    const o = ours.scenarios[name];
    // an ours-only scenario (the write with a webhook) is set beside the baseline's plain write
    const b = baseline.scenarios[name] ?? baseline.scenarios[name.replace(/_webhook$/, '')];
    console.log(
      `| ${name} | ${o.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${(o.rps / b.rps).toFixed(3)} | ${o.p50}/${o.p90}/${o.p99} | ${b.p50}/${b.p90}/${b.p99} |`,
    );
  }
  console.log(
    `\nours: start → ready ${ours.startToReadyMs.toFixed(0)} ms, RSS idle ${ours.rssIdleMiB.toFixed(0)} MiB, under load ${ours.rssUnderLoadMiB.toFixed(0)} MiB, during logins ${ours.rssDuringLoginsMiB.toFixed(0)} MiB;` +
      ` baseline: RSS idle ${baseline.rssIdleMiB.toFixed(0)} MiB, under load ${baseline.rssUnderLoadMiB.toFixed(0)} MiB, during logins ${baseline.rssDuringLoginsMiB.toFixed(0)} MiB`,
  );
  const fx = framework.express.scenarios.kyc_status_read;
  const ff = framework.fastify.scenarios.kyc_status_read;
  console.log(
    `framework share, KYC status read as a bare Nest app: Express ${line(fx)}; Fastify ${line(ff)}; Fastify / Express ${(ff.rps / fx.rps).toFixed(2)}`,
  );
  console.log(
    `embedded store, first start: ${embedded.startToReadyMs.toFixed(0)} ms to ready, peak RSS ${embedded.peakRssMiB.toFixed(0)} MiB`,
  );
  console.log('\n| target | measured | wanted | |\n|---|---|---|---|');
  for (const c of checks)
    console.log(`| ${c.what} | ${c.value} | ${c.target} | ${c.ok ? 'PASS' : 'FAIL'} |`);

  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', `${date}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        connections: CONNECTIONS,
        seconds: SECONDS,
        ours,
        baseline,
        framework,
        loginFloods,
        embedded,
        checks,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwritten ${file}`);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

// `npm run soak` (bench/soak.ts) imports the pieces above without running the bench
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
