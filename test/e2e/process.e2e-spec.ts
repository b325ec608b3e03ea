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
});
