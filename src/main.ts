import 'reflect-metadata';
import { AppConfig, ConfigError, loadAppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems)
        process.stderr.write(`Invalid configuration: ${problem}\n`);
      process.exit(1);
    }
    throw err;
  }
  // loaded after the configuration is known to be good, so a bad variable fails fast
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('./app.module');
  const { configureApp, createHttpAdapter } = await import('./configure-app');
  const app = await NestFactory.create(AppModule, createHttpAdapter(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app);
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    // close() stops accepting, lets in-flight requests finish, then closes the database
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await app.listen(config.port, config.host);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
