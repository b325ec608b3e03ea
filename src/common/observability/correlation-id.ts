import { randomUUID } from 'node:crypto';

const VALID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every response carries `Correlation-Id`: the caller's, when well-formed, or a new UUID. */
export function correlationIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
}
