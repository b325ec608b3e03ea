import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The initialised data directory `npm run build` leaves in dist/ (scripts/build-pglite-datadir.ts),
 * named after the PGlite version that made it. Absent when running from src (tests): initdb runs.
 */
export function pgliteDataDirTarball(): string {
  // the package exports no package.json: read it beside its entry point (dist/index.cjs)
  const pkg = join(require.resolve('@electric-sql/pglite'), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  return join(__dirname, '..', '..', `pglite-datadir-${version}.tar.gz`);
}

/** A fresh location gets the prepared data directory, skipping initdb and its memory peak. */
function prepared(location: string): { loadDataDir: Blob } | undefined {
  const fresh = location.startsWith('memory://') || !existsSync(join(location, 'PG_VERSION'));
  const tarball = pgliteDataDirTarball();
  if (!fresh || !existsSync(tarball)) return undefined;
  return { loadDataDir: new Blob([readFileSync(tarball)]) };
}

export interface EmbeddedDatabase {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The embedded default (no DATABASE_URL): PGlite persisted in `dataDir`, served over the PostgreSQL
 * wire protocol on a loopback port, so the ordinary `pg` driver and one TypeORM code path serve both
 * stores. One connection only (the pool is `max: 1`): PGlite has one session, and sharing it between
 * transactions silently mixes them (stack-notes: why `typeorm-pglite` is rejected).
 * `dataDir` may be `memory://` for tests.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const db = await PGlite.create(location, prepared(location));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = (
    server as unknown as { server: { address(): { port: number } } }
  ).server.address();
  let stopped = false;
  return {
    host: '127.0.0.1',
    port: address.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
