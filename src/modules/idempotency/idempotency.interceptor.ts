import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type Observable, of } from 'rxjs';
import type { ObpRequest } from '../../common/auth/principal';
import type { EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { OBP_ENDPOINT } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import {
  IDEMPOTENT_REPLAYED_HEADER,
  isValidIdempotencyKey,
} from '../../common/wire/idempotency-key';
import { type StoredAnswer, IdempotencyService, fingerprintOf } from './idempotency.service';

const hasBody = (req: ObpRequest): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * `Idempotency-Key` on every POST and PUT of a logged-in caller (issue 15), in one place. It runs
 * after the guard (so the caller is known and refused requests claim nothing) and before the
 * handler: the first request with a key claims it and runs; its answer is stored as it is sent
 * (`recordAnswer`, an onSend hook); a repeat gets that answer with `Idempotent-Replayed: true`.
 * Without the header: one property read, no SQL.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyService,
  ) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> | Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<ObpRequest>();
    const key = req.headers['idempotency-key'];
    // the common case stays synchronous: no promise, no query
    if (key === undefined) return next.handle();
    return this.withKey(context, next, req, key);
  }

  private async withKey(
    context: ExecutionContext,
    next: CallHandler,
    req: ObpRequest,
    key: string | string[],
  ): Promise<Observable<unknown>> {
    const def = this.reflector.get<EndpointDefinition | undefined>(
      OBP_ENDPOINT,
      context.getHandler(),
    );
    // anonymous writes have no caller to scope a key to; a body that is not JSON is not hashed
    if (!def?.idempotent || !req.user || (req.raw.bodyText === undefined && hasBody(req))) {
      return next.handle();
    }
    // Node joins a repeated header with ", ", which may make it too long: that is a bad key too
    if (typeof key !== 'string' || !isValidIdempotencyKey(key)) {
      throw new ObpException(ObpError.InvalidIdempotencyKey);
    }
    const scope = { consumerId: req.user.consumerId ?? '', userId: req.user.userId, key };
    const claim = await this.keys.claim(
      scope,
      fingerprintOf(req.method, req.url, req.raw.bodyText ?? ''),
    );
    switch (claim.kind) {
      case 'run':
        req.raw.idempotency = scope;
        return next.handle();
      case 'mismatch':
        throw new ObpException(ObpError.IdempotencyKeyReused);
      case 'busy':
        throw new ObpException(ObpError.IdempotencyKeyInProgress);
      case 'replay':
        return replay(context.switchToHttp().getResponse<FastifyReply>(), claim.answer);
    }
  }
}

/**
 * The stored answer again, through the same path as the first (so the same bytes): a success as
 * the handler's result, an error as the exception the filter writes the same body for.
 */
function replay(reply: FastifyReply, answer: StoredAnswer): Observable<unknown> {
  void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  for (const [name, value] of Object.entries(answer.headers)) void reply.header(name, value);
  if (answer.status >= 400) {
    const { message } = JSON.parse(answer.body.toString('utf8')) as { message: string };
    throw new ObpException({ status: answer.status, message }, '', answer.status);
  }
  return of(answer.body);
}
