import type { IncomingMessage } from 'node:http';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is calling: set on `req.user` by the `login` check. */
export interface Principal {
  userId: string;
  username: string;
  consumerId: string | null;
  tokenId: string;
}

/** The Node request under Fastify's: what the request log and metrics read. */
export interface ObpRawRequest extends IncomingMessage {
  correlationId?: string;
  routePattern?: string;
  user?: Principal;
  /** The JSON body as received (the `Idempotency-Key` fingerprint hashes these bytes). */
  bodyText?: string;
  /** Set when this request claimed an `Idempotency-Key`: its answer is stored when sent. */
  idempotency?: { consumerId: string; userId: string; key: string };
}

export type ObpRequest = FastifyRequest & { user?: Principal; raw: ObpRawRequest };

/** The logged-in caller (only on endpoints whose checks include `login`). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<ObpRequest>();
  return req.user!;
});
