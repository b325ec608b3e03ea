import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: set on `req.user` by the `login` check. */
export interface Principal {
  userId: string;
  username: string;
  consumerId: string | null;
  tokenId: string;
}

export type ObpRequest = Request & { user?: Principal; correlationId?: string };

/** The logged-in caller (only on endpoints whose checks include `login`). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<ObpRequest>();
  return req.user!;
});
