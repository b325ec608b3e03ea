import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cloneTemplate, databaseUrl, dropDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

/** The real entry point (src/main.ts), as a child process. */
function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { out: () => string; exit: Promise<number | null> } {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { out: () => out, exit };
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function waitUntilReady(port: number): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

// each case starts the real entry point through ts-node: seconds each, more on a busy machine
jest.setTimeout(180_000);

describe('process: configuration and shutdown', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT must be a number/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must look like postgres:\/\//],
    [{ TOKEN_TTL: 'forever' }, /TOKEN_TTL must be a duration/],
    [{ LOG_LEVEL: 'chatty' }, /LOG_LEVEL must be one of/],
    [
      { DIRECT_LOGIN_CONSUMER_KEY_MANDATORY: 'perhaps' },
      /DIRECT_LOGIN_CONSUMER_KEY_MANDATORY must be true or false/,
    ],
  ])('exits 1 naming the bad variable: %j', async (env, pattern) => {
    const { out, exit } = collect(startServer(env));
    expect(await exit).toBe(1);
    expect(out()).toMatch(pattern);
    expect(out().trim().split('\n')).toHaveLength(1);
  });

  it('never prints a secret, even a rejected one', async () => {
    const { out, exit } = collect(startServer({ JWT_SECRET: 'too-short-s3cr3t-value' }));
    expect(await exit).toBe(1);
    expect(out()).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(out()).not.toContain('too-short-s3cr3t-value');
  });

  it('on SIGTERM finishes the requests in flight, then exits 0', async () => {
    const db = await cloneTemplate();
    try {
      const port = await freePort();
      const child = startServer({
        DATABASE_URL: databaseUrl(db),
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      const { out, exit } = collect(child);
      await waitUntilReady(port);
      // A request whose headers the server has read but whose body is still arriving is in flight
      // for certain: SIGTERM comes in the middle of it, then the body is finished.
      const body = JSON.stringify({
        email: 'shutdown@example.com',
        username: 'shutdown.user',
        password: 'Shutdown-Passw0rd!',
        first_name: 'Shut',
        last_name: 'Down',
      });
      const response = new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/obp/v3.1.0/users',
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 500);
        }, 300);
      });
      expect(await response).toBe(201);
      expect(await exit).toBe(0);
      expect(out()).not.toMatch(/Shutdown-Passw0rd/);
    } finally {
      await dropDatabase(db);
    }
  });

  it('logs one JSON line per request with ids only: no bodies, raw URLs, tokens or personal data', async () => {
    const db = await cloneTemplate();
    try {
      const port = await freePort();
      const child = startServer({
        DATABASE_URL: databaseUrl(db),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'trace',
        OBP_ADMIN_USERNAME: 'log.admin',
        OBP_ADMIN_PASSWORD: 'Log-Admin-Passw0rd!',
        OBP_CONSUMER_KEY: 'log-consumer-key',
      });
      const { out, exit } = collect(child);
      await waitUntilReady(port);
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/my/logins/direct`, {
        method: 'POST',
        headers: {
          DirectLogin:
            'username=log.admin, password=Log-Admin-Passw0rd!, consumer_key=log-consumer-key',
        },
      });
      const { token } = (await login.json()) as { token: string };
      const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
        fetch(base + path, {
          method,
          headers: { 'Content-Type': 'application/json', DirectLogin: `token=${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const me = (await (await call('GET', '/obp/v3.1.0/users/current')).json()) as {
        user_id: string;
      };
      for (const role_name of ['CanCreateBank', 'CanGetAnyUser', 'CanGetAnyKycDocuments']) {
        await call('POST', `/obp/v3.1.0/users/${me.user_id}/entitlements`, {
          bank_id: '',
          role_name,
        });
      }
      expect(
        (
          await call('POST', '/obp/v3.1.0/banks', {
            id: 'log.bank.01',
            full_name: 'Log Bank',
            short_name: 'Log',
            logo_url: '',
            website_url: '',
            swift_bic: 'LOGBGB22',
            national_identifier: 'L1',
            bank_routing: { scheme: 'BIC', address: 'LOGBGB22' },
          })
        ).status,
      ).toBe(201);
      for (const role_name of ['CanCreateCustomer', 'CanAddKycDocument']) {
        await call('POST', `/obp/v3.1.0/users/${me.user_id}/entitlements`, {
          bank_id: 'log.bank.01',
          role_name,
        });
      }
      const created = await call('POST', '/obp/v3.1.0/banks/log.bank.01/customers', {
        legal_name: 'Zeta Secretname',
        mobile_phone_number: '+44 7700 900123',
        email: 'zeta.secret@example.com',
        face_image: { url: 'https://example.com/zeta.png', date: '2017-09-19T00:00:00Z' },
        date_of_birth: '1977-07-07T00:00:00Z',
        relationship_status: 'single',
        dependants: 0,
        dob_of_dependants: [],
        credit_rating: { rating: 'A', source: 'B' },
        credit_limit: { currency: 'EUR', amount: '10' },
        highest_education_attained: 'Master',
        employment_status: 'worker',
        kyc_status: true,
        last_ok_date: '2017-09-19T00:00:00Z',
        title: 'Dr.',
        branch_id: 'B1',
        name_suffix: '',
      });
      expect(created.status).toBe(201);
      const customer = (await created.json()) as { customer_id: string; customer_number: string };
      const doc = await call(
        'PUT',
        `/obp/v3.1.0/banks/log.bank.01/customers/${customer.customer_id}/kyc_documents/doc-log-1`,
        {
          customer_number: customer.customer_number,
          type: 'passport',
          number: 'PASSPORT-SECRET-998877',
          issue_date: '2015-01-01T00:00:00Z',
          issue_place: 'Secretville',
          expiry_date: '2025-01-01T00:00:00Z',
        },
      );
      expect(doc.status).toBe(201);
      expect(
        (await call('GET', '/obp/v3.1.0/users/email/zeta.secret@example.com/terminator')).status,
      ).toBe(200);
      // a rejected body is not logged either
      expect(
        (
          await call(
            'PUT',
            `/obp/v3.1.0/banks/log.bank.01/customers/${customer.customer_id}/kyc_documents/doc-2`,
            {
              number: 'REJECTED-SECRET-1234',
            },
          )
        ).status,
      ).toBe(400);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);

      const lines = out()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = lines.filter(
        (l) => l.msg === 'request completed' || l.msg === 'request failed',
      );
      expect(requests.length).toBeGreaterThanOrEqual(10);
      expect(requests).toContainEqual(
        expect.objectContaining({
          route: '/obp/v3.1.0/users/email/:EMAIL/terminator',
          user_id: me.user_id,
          correlation_id: expect.any(String),
          res: { status: 200 },
        }),
      );
      const text = out();
      for (const secret of [
        'Log-Admin-Passw0rd!',
        token,
        token.split('.')[2],
        'Secretname',
        'zeta.secret',
        '7700 900123',
        'PASSPORT-SECRET',
        'Secretville',
        'REJECTED-SECRET',
        '1977-07-07',
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await dropDatabase(db);
    }
  });
});
