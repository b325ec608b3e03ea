import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ObpRequest } from '../../common/auth/principal';

/** Who makes a change or a read, as the audit trail records it. */
export interface AuditActor {
  /** null: an anonymous call (POST /users) or the server itself. */
  userId: string | null;
  consumerId: string | null;
  /** The request's Correlation-Id (set for every request by configure-app's onRequest hook). */
  correlationId: string;
}

export const actorOf = (req: ObpRequest): AuditActor => ({
  userId: req.user?.userId ?? null,
  consumerId: req.user?.consumerId ?? null,
  correlationId: req.raw.correlationId ?? '',
});

/**
 * The caller of a write endpoint, for its audit event: `@Actor() actor: AuditActor` beside `@Body()`,
 * then handed to the service (explicit, no request-scoped global state).
 */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditActor =>
  actorOf(ctx.switchToHttp().getRequest()),
);

/** Changes the server makes on its own (the bootstrap admin at start-up). */
export const SERVER_ACTOR: AuditActor = {
  userId: null,
  consumerId: null,
  correlationId: 'server-start-up',
};
