import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';
import type { ObpRequest } from '../../common/auth/principal';
import type { EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { OBP_ENDPOINT } from '../../common/endpoint/obp-endpoint.decorator';
import { AccessEventBuffer } from './access-event.buffer';
import { actorOf } from './audit-actor';
import type { AccessEntityType } from './audit-change';

/**
 * The one place reads are audited: an endpoint declares `access` in its `@ObpEndpoint` block, and
 * each answer it gives (never a refusal: the guard or the service threw before) becomes an access
 * event in the buffer. Endpoints without `access` pass straight through.
 */
@Injectable()
export class AccessEventInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly buffer: AccessEventBuffer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const def = this.reflector.get<EndpointDefinition | undefined>(
      OBP_ENDPOINT,
      context.getHandler(),
    );
    const access = def?.access;
    if (!access) return next.handle();
    const req = context.switchToHttp().getRequest<ObpRequest>();
    return next.handle().pipe(
      tap((answer) => {
        const params = req.params as Record<string, string | undefined>;
        const customers = access.customersIn
          ? access.customersIn(answer as never)
          : [params.CUSTOMER_ID ?? ''];
        const occurredAt = new Date();
        const actor = actorOf(req);
        const entityType = access.entityType as AccessEntityType;
        for (const customerId of customers) {
          this.buffer.record({
            occurredAt,
            actor,
            entityType,
            entityId: access.entityIdParam ? (params[access.entityIdParam] ?? '') : customerId,
            customerId,
          });
        }
      }),
    );
  }
}
