import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { ObpRequest } from '../auth/principal';

const VALID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every response carries `Correlation-Id`: the caller's, when well-formed, or a new UUID. */
export function correlationId(req: ObpRequest, res: Response, next: NextFunction): void {
  const incoming = req.headers['correlation-id'];
  const id = typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
  req.correlationId = id;
  res.setHeader('Correlation-Id', id);
  next();
}
