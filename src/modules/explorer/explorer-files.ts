import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The explorer's own files (plain HTML/CSS/JS, no build step). `nest build` copies them beside the
 * compiled module (nest-cli.json `assets`), and ts-jest runs from src, so both find them here.
 */
export const EXPLORER_ASSETS_DIR = join(__dirname, 'assets');

/** swagger-ui-dist's folder; the package is a runtime dependency, so /docs never needs a CDN. */
export const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/** The Swagger UI files /docs serves; nothing else in that package is reachable. */
const SWAGGER_UI_FILES = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
];

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** name → absolute path, read once: a request can only ever name a file listed here. */
function listing(dir: string, names?: string[]): Map<string, string> {
  const files = names ?? (existsSync(dir) ? readdirSync(dir) : []);
  return new Map(files.filter((n) => SAFE_NAME.test(n)).map((n) => [n, join(dir, n)]));
}

const explorerFiles = listing(EXPLORER_ASSETS_DIR);
const swaggerFiles = listing(SWAGGER_UI_DIR, SWAGGER_UI_FILES);

/** The explorer's own page: scripts and styles from this origin only, no inline code. */
const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (React) sets inline style attributes, so it needs 'unsafe-inline' styles. */
const DOCS_CSP = EXPLORER_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

export type FileSet = 'explorer' | 'swagger-ui';

/** The absolute path of an allowed file, or undefined (the caller answers OBP's 404). */
export function fileFor(set: FileSet, name: string): string | undefined {
  return (set === 'explorer' ? explorerFiles : swaggerFiles).get(name);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

interface LoadedFile {
  body: Buffer;
  etag: string;
  type: string;
}

/** Files are small and never change while the process runs: read and hashed once, on first use. */
const loaded = new Map<string, LoadedFile>();

function load(path: string): LoadedFile {
  let file = loaded.get(path);
  if (!file) {
    const body = readFileSync(path);
    file = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type: TYPES[extname(path)] ?? 'application/octet-stream',
    };
    loaded.set(path, file);
  }
  return file;
}

/**
 * Sends a file with its content type (from the extension), an ETag, `no-cache` (so a new release is
 * picked up at once while unchanged files still answer 304) and, for pages, a strict CSP.
 */
export function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  path: string,
  csp: 'explorer' | 'docs' = 'explorer',
): void {
  const file = load(path);
  void reply.headers({
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ETag: file.etag,
  });
  if (extname(path) === '.html') {
    void reply.headers({
      'Content-Security-Policy': csp === 'docs' ? DOCS_CSP : EXPLORER_CSP,
      'X-Frame-Options': 'DENY',
    });
  }
  const match = req.headers['if-none-match'];
  if (match !== undefined && match.split(/\s*,\s*/).includes(file.etag)) {
    void reply.code(304).send();
    return;
  }
  void reply.type(file.type).send(file.body);
}
