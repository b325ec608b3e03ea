import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ApiVersion, parseApiVersion } from './api-versions';

/** The version prefix of the URL called (`/obp/v4.0.0/...` → `v4.0.0`). */
export const versionOfPath = (path: string): ApiVersion | undefined => {
  const m = /^\/obp\/(v\d+\.\d+\.\d+)(\/|$)/.exec(path);
  return m ? parseApiVersion(m[1]) : undefined;
};

export const RequestedVersion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ApiVersion | undefined =>
    versionOfPath(ctx.switchToHttp().getRequest<FastifyRequest>().url.split('?')[0]),
);
