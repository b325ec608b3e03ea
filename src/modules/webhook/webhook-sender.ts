import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, guardedLookup, isBlockedAddress, isBlockedName } from './webhook-url';

export interface PostResult {
  ok: boolean;
  /** The receiver's status; null when none came. */
  responseCode: number | null;
  durationMs: number;
  /** Why it failed, in a few words (never the receiver's body). */
  error: string | null;
}

/** What the receiver answers is read up to this size, then dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;

const ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EBLOCKEDADDRESS: 'address not allowed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

class AbortedError extends Error {
  readonly code = 'EABORTED';
}

export const isAbort = (err: unknown): boolean => err instanceof AbortedError;

/**
 * POSTs webhook bodies: keep-alive connections per receiver, the address checked on every new
 * connection (webhook-url.ts), redirects not followed (a 3xx is a failure), `timeoutMs` for the
 * whole exchange. Only a 2xx is a success.
 */
export class WebhookSender {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(
    private readonly allowPrivate: boolean,
    private readonly timeoutMs: number,
  ) {
    this.http = new HttpAgent({ keepAlive: true, maxSockets: 16 });
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 16 });
  }

  /** Rejects only with an abort (`signal`); every other outcome is a PostResult. */
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<PostResult> {
    const started = performance.now();
    const done = (responseCode: number | null, error: string | null): PostResult => ({
      ok: responseCode !== null && responseCode >= 200 && responseCode < 300,
      responseCode,
      durationMs: Math.round(performance.now() - started),
      error,
    });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve(done(null, 'invalid url'));
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (
      !this.allowPrivate &&
      (isBlockedName(host) || (isIP(host) !== 0 && isBlockedAddress(host)))
    ) {
      return Promise.resolve(done(null, ERRORS[new BlockedAddressError().code]));
    }
    const secure = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(target, {
        method: 'POST',
        agent: secure ? this.https : this.http,
        lookup: guardedLookup(this.allowPrivate),
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'obp-kyc-webhooks/1',
        },
      });
      const timer = setTimeout(() => req.destroy(new TimeoutError('timeout')), this.timeoutMs);
      const onAbort = (): void => void req.destroy(new AbortedError('aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      const finish = (result: PostResult | Error): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      req.on('response', (res: IncomingMessage) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const code = res.statusCode ?? null;
        const error = code !== null && code >= 300 && code < 400 ? 'redirect not followed' : null;
        res.on('end', () => finish(done(code, error)));
        // a receiver that answered and then cut its body short still answered
        res.on('close', () => finish(done(code, error)));
        res.on('error', () => finish(done(code, error)));
      });
      req.on('error', (err: Error & { code?: string }) => {
        if (err instanceof AbortedError) finish(err);
        else if (err instanceof TimeoutError) finish(done(null, 'timeout'));
        else finish(done(null, ERRORS[err.code ?? ''] ?? 'network error'));
      });
      if (signal.aborted) onAbort();
      else req.end(body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
