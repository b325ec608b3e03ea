import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed (the tests' receivers always get JSON). */
  json: { event_id: string; type: string; occurred_at: string; bank_id: string; data: unknown };
  /** Date.now() when the request arrived. */
  at: number;
}

/** What to answer: a status, or `hang` (no answer until the receiver stops). */
export type Answer = number | 'hang';

/**
 * A real webhook receiver on loopback, started by the test: records every request and answers
 * what `respond` says (by default 200). `attempt` counts the requests with that Webhook-Id so far.
 */
export class WebhookReceiver {
  readonly requests: Received[] = [];
  respond: (r: Received, attempt: number) => Answer = () => 200;
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const r: Received = {
          path: req.url ?? '',
          headers: req.headers,
          body,
          json: JSON.parse(body) as Received['json'],
          at: Date.now(),
        };
        this.requests.push(r);
        const attempt = this.requests.filter(
          (x) => x.headers['webhook-id'] === r.headers['webhook-id'] && x.path === r.path,
        ).length;
        const answer = this.respond(r, attempt);
        if (answer === 'hang') {
          this.hanging.add(res);
          return;
        }
        res.writeHead(answer, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** The requests to `path`, in arrival order. */
  to(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Waits until `done()` holds (polling), failing after `timeoutMs`. */
  async waitFor(
    done: () => boolean,
    timeoutMs = 60_000,
    what = 'the webhook requests',
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > until) {
        throw new Error(`timed out waiting for ${what}; received ${this.requests.length} requests`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
