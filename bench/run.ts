/**
 * `npm run bench`: speed and memory targets, measured on this machine against the real server.
 * Starts the server (src/main.ts) on a scratch PostgreSQL database (BENCH_STORE=embedded: on PGlite),
 * seeds a bank, a customer and KYC data through the API, then drives each scenario with a fixed
 * number of concurrent keep-alive clients for a fixed time. Fails (exit 1) when a target is missed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..');
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const EMBEDDED = process.env.BENCH_STORE === 'embedded';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/**
 * Targets for this 2-core machine, where the load generator, the server and PostgreSQL share the
 * cores. Anonymous requests touch no database; authenticated ones run the guard's checks (token,
 * role, bank, customer: four queries) before the endpoint's own query.
 */
const TARGETS = {
  anonymous: { minRps: EMBEDDED ? 500 : 700, p99Ms: 150 },
  authenticated: { minRps: EMBEDDED ? 60 : 100, p99Ms: EMBEDDED ? 600 : 400 },
  // PGlite: the first start runs initdb in WebAssembly (stack-notes: about 840 MiB); measured 963 MiB here
  maxRssMiB: EMBEDDED ? 1024 : 400,
};

interface Scenario {
  name: string;
  request: (i: number) => { method: string; path: string; body?: unknown };
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
};

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const db = `obp_bench_${process.pid}`;
  const admin = new Client({ connectionString: `${PG}/postgres` });
  if (!EMBEDDED) {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${db}"`);
  }
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OBP_ADMIN_USERNAME: 'bench.admin',
    OBP_ADMIN_PASSWORD: 'Bench-Admin-Passw0rd!',
    OBP_CONSUMER_KEY: 'bench-consumer-key',
    ...(EMBEDDED ? { DATA_DIR: `/tmp/obp-bench-${process.pid}` } : { DATABASE_URL: `${PG}/${db}` }),
  };
  const entry = process.env.BENCH_ENTRY ?? 'src/main.ts';
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const args = [
    ...profile,
    ...(entry.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', entry] : [entry]),
  ];
  const server: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // node:http with a keep-alive pool: far less client CPU than fetch, which shares the 2 cores with the server
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (method: string, path: string, body: unknown, token?: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            ...(payload
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
              : {}),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  let failed = false;
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('server did not start');
      const ok = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const call = async (
      method: string,
      path: string,
      body?: unknown,
      token?: string,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed JSON of a load script
    ): Promise<any> => {
      const res = await fetch(base + path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    const login = await fetch(`${base}/my/logins/direct`, {
      method: 'POST',
      headers: {
        DirectLogin:
          'username=bench.admin, password=Bench-Admin-Passw0rd!, consumer_key=bench-consumer-key',
      },
    }).then((r) => r.json() as Promise<{ token: string }>);
    const token = login.token;
    const me = await call('GET', '/obp/v3.1.0/users/current', undefined, token);
    const grant = (role_name: string, bank_id: string) =>
      call('POST', `/obp/v3.1.0/users/${me.user_id}/entitlements`, { role_name, bank_id }, token);
    await grant('CanCreateBank', '');
    const bankId = 'bench.bank.01';
    await call(
      'POST',
      '/obp/v3.1.0/banks',
      {
        id: bankId,
        full_name: 'Bench Bank',
        short_name: 'Bench',
        logo_url: '',
        website_url: '',
        swift_bic: 'BENCHGB2',
        national_identifier: 'B1',
        bank_routing: { scheme: 'BIC', address: 'BENCHGB2' },
      },
      token,
    );
    for (const r of ['CanCreateCustomer', 'CanAddKycDocument', 'CanGetCustomer'])
      await grant(r, bankId);
    await grant('CanGetAnyKycDocuments', '');
    const customer = await call(
      'POST',
      `/obp/v3.1.0/banks/${bankId}/customers`,
      {
        legal_name: 'Bench Customer',
        mobile_phone_number: '+44 1',
        email: 'bench@example.com',
        face_image: { url: 'x', date: '2017-09-19T00:00:00Z' },
        date_of_birth: '1980-01-01T00:00:00Z',
        relationship_status: 'single',
        dependants: 0,
        dob_of_dependants: [],
        credit_rating: { rating: 'A', source: 'B' },
        credit_limit: { currency: 'EUR', amount: '0' },
        highest_education_attained: 'x',
        employment_status: 'x',
        kyc_status: true,
        last_ok_date: '2017-09-19T00:00:00Z',
        title: 'Dr',
        branch_id: 'B',
        name_suffix: '',
      },
      token,
    );
    const doc = (i: number) => ({
      customer_number: customer.customer_number,
      type: 'passport',
      number: `N${i}`,
      issue_date: '2015-01-01T00:00:00Z',
      issue_place: 'Berlin',
      expiry_date: '2025-01-01T00:00:00Z',
    });
    for (let i = 0; i < 20; i++) {
      await call(
        'PUT',
        `/obp/v3.1.0/banks/${bankId}/customers/${customer.customer_id}/kyc_documents/seed-${i}`,
        doc(i),
        token,
      );
    }

    const scenarios: (Scenario & { auth: boolean })[] = [
      {
        name: 'GET /obp/v3.1.0/root (anonymous)',
        auth: false,
        request: () => ({ method: 'GET', path: '/obp/v3.1.0/root' }),
      },
      {
        name: 'GET customer (auth + role + bank + customer checks)',
        auth: true,
        request: () => ({
          method: 'GET',
          path: `/obp/v3.1.0/banks/${bankId}/customers/${customer.customer_id}`,
        }),
      },
      {
        name: 'GET kyc_documents (20 rows)',
        auth: true,
        request: () => ({
          method: 'GET',
          path: `/obp/v3.1.0/customers/${customer.customer_id}/kyc_documents`,
        }),
      },
      {
        name: 'PUT kyc_documents (upsert)',
        auth: true,
        request: (i) => ({
          method: 'PUT',
          path: `/obp/v3.1.0/banks/${bankId}/customers/${customer.customer_id}/kyc_documents/load-${i % 50}`,
          body: doc(i),
        }),
      },
    ];

    console.log(
      `store=${EMBEDDED ? 'PGlite' : 'PostgreSQL'} concurrency=${CONCURRENCY} seconds=${SECONDS}`,
    );
    console.log(`RSS after start and seed: ${rssMiB(server.pid!, 'VmRSS').toFixed(0)} MiB`);
    for (const s of scenarios) {
      // one second unmeasured first: JIT, pool connections and caches warm up
      const run = async (seconds: number): Promise<{ latencies: number[]; errors: number }> => {
        const latencies: number[] = [];
        let errors = 0;
        const until = Date.now() + seconds * 1000;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (Date.now() < until) {
              const { method, path, body } = s.request(n++);
              const t0 = performance.now();
              const status = await send(method, path, body, s.auth ? token : undefined);
              latencies.push(performance.now() - t0);
              if (status >= 400) errors++;
            }
          }),
        );
        return { latencies, errors };
      };
      let n = 0;
      await run(1);
      const { latencies, errors } = await run(SECONDS);
      latencies.sort((a, b) => a - b);
      const rps = latencies.length / SECONDS;
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      const target = s.auth ? TARGETS.authenticated : TARGETS.anonymous;
      const ok = errors === 0 && p99 <= target.p99Ms && rps >= target.minRps;
      failed ||= !ok;
      console.log(
        `${ok ? 'PASS' : 'FAIL'} ${s.name}: ${rps.toFixed(0)} req/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, errors ${errors}` +
          ` (targets: >= ${target.minRps} req/s, p99 <= ${target.p99Ms} ms, 0 errors)`,
      );
    }
    const peak = rssMiB(server.pid!, 'VmHWM');
    const memOk = peak <= TARGETS.maxRssMiB;
    failed ||= !memOk;
    console.log(
      `${memOk ? 'PASS' : 'FAIL'} peak RSS ${peak.toFixed(0)} MiB (target <= ${TARGETS.maxRssMiB} MiB)`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    if (!EMBEDDED) {
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await admin.end();
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
