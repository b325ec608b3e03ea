/**
 * `npm run build` step: an initialised PGlite data directory as a tarball in dist/, so the
 * embedded store's first start loads it (`loadDataDir`) instead of running initdb in WebAssembly:
 * measured here 369 MiB peak RSS and 1.9 s instead of 850 MiB and 3.6 s (bench/README.md). Made
 * once per PGlite version; migrations still run at start-up as on every store.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDataDirTarball } from '../src/database/embedded-database';

async function main(): Promise<void> {
  const file = pgliteDataDirTarball();
  if (existsSync(file)) return;
  const db = await PGlite.create('memory://');
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

main().catch((err: unknown) => {
  process.stderr.write(`pglite data dir: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
