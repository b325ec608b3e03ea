import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module';
import { buildOpenApiDocument } from '../src/modules/resource-doc/openapi';

/**
 * Writes openapi/openapi.json (keys sorted) from a preview-mode app: the modules are scanned but no
 * provider is instantiated, so no database, secret or port is needed. Run through
 * scripts/register-swagger-plugin.js so the DTO schemas are the plugin's, as in the server.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const document = buildOpenApiDocument(app);
  await app.close();
  const dir = join(__dirname, '..', 'openapi');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
