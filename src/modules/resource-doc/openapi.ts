import type { INestApplication } from '@nestjs/common';

/** Builds /openapi.json and /docs; owned by the documentation work. */
export function configureOpenApi(app: INestApplication): void {
  void app;
}
