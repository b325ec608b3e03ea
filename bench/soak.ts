/**
 * `npm run soak` (issue #12 point 6; not part of `npm test`): the built server on a fresh migrated
 * PostgreSQL database, driven with the bench's scenarios mixed for SOAK_MINUTES (default 10). Checks
 * zero 5xx and zero socket errors, RSS growth under 10 % after warm-up (median of the first minute
 * after warm-up against the median of the last minute), and every pooled connection back to idle
 * at the end (none active, none idle in a transaction). Exit 1 when one fails. Writes
 * bench/results/soak-<date>.json.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { Client } from 'pg';
import {
  drive,
  freePort,
  freshDatabase,
  PG,
  ROOT,
  rssMiB,
  SCENARIOS,
  seed,
  sleep,
  startServer,
  stop,
  waitReady,
} from './run';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 20);
/** Warm-up: the JIT and the pools settle; RSS growth is measured from its end. */
const WARMUP_S = Math.min(60, Math.max(10, Math.round(MINUTES * 6)));
const ROUND_S = 30;
const MAX_RSS_GROWTH = 0.1;

/** Weights of the mix (per 100 requests): mostly reads, some writes, a few logins. */
const MIX: [string, number][] = [
  ['kyc_status_read', 40],
  ['kyc_documents_read', 15],
  ['addresses_read', 15],
  ['resource_docs_kyc', 8],
  ['kyc_status_write', 10],
  ['tax_residence_create', 10],
  ['direct_login', 2],
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
};

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const admin = new Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  const dbName = `obp_soak_${process.pid}`;
  await freshDatabase(admin, dbName);
  const secret = randomBytes(32).toString('hex');
  const fixture = await seed(dbName, secret);
  const port = await freePort();
  const server = startServer('ours', port, {
    DATABASE_URL: `${PG}/${dbName}`,
    JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
  });
  const samples: { atS: number; rssMiB: number }[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let requests = 0;
  const t0 = Date.now();
  const sampler = setInterval(() => {
    samples.push({ atS: (Date.now() - t0) / 1000, rssMiB: rssMiB(server.pid!, 'VmRSS') });
  }, 5000);
  try {
    await waitReady(`http://127.0.0.1:${port}`, 60_000);
    const builders = new Map(SCENARIOS.map((s) => [s.name, s.build]));
    const counters = new Map(SCENARIOS.map((s) => [s.name, { n: 0 }]));
    const wheel = MIX.flatMap(([name, w]) => Array<string>(w).fill(name));
    let i = 0;
    const next = (): autocannon.Request => {
      const name = wheel[(i = (i + 37) % wheel.length)];
      return builders.get(name)!(fixture, counters.get(name)!);
    };
    const end = t0 + MINUTES * 60_000;
    while (Date.now() < end) {
      const seconds = Math.max(1, Math.min(ROUND_S, Math.round((end - Date.now()) / 1000)));
      const r = await drive(port, fixture.token, next, seconds, CONNECTIONS);
      requests += r.requests.total;
      errors += r.errors + r.timeouts;
      for (const [code, v] of Object.entries(
        r.statusCodeStats as Record<string, { count: number }>,
      ))
        statuses[code] = (statuses[code] ?? 0) + v.count;
      const rss = rssMiB(server.pid!, 'VmRSS');
      console.log(
        `soak ${((Date.now() - t0) / 1000).toFixed(0).padStart(5)} s  ${(r.requests.total / seconds).toFixed(0).padStart(5)} req/s  ` +
          `p99 ${r.latency.p99} ms  RSS ${rss.toFixed(0)} MiB  statuses ${JSON.stringify(statuses)}`,
      );
    }
    clearInterval(sampler);
    // logins still hashing, then the pool settles: nothing active, nothing left in a transaction
    await sleep(3000);
    const activity = await admin.query<{ state: string | null; n: string }>(
      'SELECT state, count(*) AS n FROM pg_stat_activity WHERE datname = $1 GROUP BY state',
      [dbName],
    );
    const pool = Object.fromEntries(activity.rows.map((r) => [r.state ?? 'null', Number(r.n)]));
    const after = samples.filter((s) => s.atS >= WARMUP_S && s.atS < WARMUP_S + 60);
    const last = samples.filter((s) => s.atS >= samples[samples.length - 1].atS - 60);
    const rssAfterWarmup = median(after.map((s) => s.rssMiB));
    const rssAtEnd = median(last.map((s) => s.rssMiB));
    const growth = rssAtEnd / rssAfterWarmup - 1;
    const fiveXX = Object.entries(statuses)
      .filter(([code]) => Number(code) >= 500)
      .reduce((sum, [, n]) => sum + n, 0);
    const checks = [
      { name: 'zero 5xx', ok: fiveXX === 0, value: fiveXX },
      { name: 'zero socket errors or timeouts', ok: errors === 0, value: errors },
      {
        name: `RSS growth after warm-up < ${MAX_RSS_GROWTH * 100} %`,
        ok: growth < MAX_RSS_GROWTH,
        value: `${(growth * 100).toFixed(1)} % (${rssAfterWarmup.toFixed(0)} → ${rssAtEnd.toFixed(0)} MiB)`,
      },
      {
        name: 'pool back to idle (no active, no idle in transaction)',
        ok: Object.keys(pool).every((state) => state === 'idle'),
        value: JSON.stringify(pool),
      },
    ];
    for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.value}`);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `soak-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          minutes: MINUTES,
          connections: CONNECTIONS,
          warmupSeconds: WARMUP_S,
          mix: Object.fromEntries(MIX),
          requests,
          statuses,
          errors,
          rssAfterWarmupMiB: rssAfterWarmup,
          rssAtEndMiB: rssAtEnd,
          rssSamples: samples,
          pool,
          checks,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`written ${file}`);
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await stop(server);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
