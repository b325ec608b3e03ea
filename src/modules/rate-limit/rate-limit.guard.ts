import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp } from '@nestjs/throttler';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { AppConfig, type RateLimit } from '../../config/app-config';
import type { ObpRequest } from '../../common/auth/principal';
import type { EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { OBP_ENDPOINT } from '../../common/endpoint/obp-endpoint.decorator';
import { directLoginParamsForLogin } from '../auth/direct-login-header';
import { hashedTracker, type LimitSubject, RateLimitService } from './rate-limit.service';

/*
 * Where the limits run, relative to the global AccessGuard (their order in AppModule's providers is
 * the order Nest runs them, and test/e2e/rate-limit.e2e-spec.ts pins it):
 *
 *   RouteRateLimitGuard → AccessGuard (login, bank, role, … checks) → ConsumerRateLimitGuard → handler
 *
 * - The DirectLogin and sign-up limits count by client address and by the username of the
 *   DirectLogin header, both known without a database lookup, so they run first: a flood is
 *   refused before it costs a query, a body validation or a password hash.
 * - The consumer limit needs the consumer id, which only the `login` check knows (it sets
 *   `req.user`), so it runs after AccessGuard and counts the requests that passed every check. OBP
 *   counts right after authentication, i.e. also the requests its later checks refuse; we get there
 *   once the checks run as one access query that this limit can follow.
 *
 * We use the throttler's storage, not its ThrottlerGuard: that guard does five reflector lookups per
 * throttler on every request of every route, and names Retry-After per throttler; ours does one Map
 * lookup, answers OBP's 429 with a plain Retry-After, and touches storage (Redis) only on the routes
 * and consumers a limit applies to.
 */

interface RouteLimit {
  name: string;
  limit: RateLimit;
  subject: LimitSubject;
  /** Whose count the request adds to; undefined skips this limit (no username in the header). */
  tracker(req: Request): string | undefined;
}

const address = (req: Request): string => normalizeIp(req.ip ?? req.socket.remoteAddress ?? '');

const loginUsername = (req: Request): string | undefined => {
  try {
    const username = directLoginParamsForLogin(req.headers).username;
    return username === undefined ? undefined : hashedTracker(username);
  } catch {
    return undefined; // a malformed header gets its OBP error from the login itself
  }
};

/** The per-address and per-username limits of the routes that take no token. */
function routeLimits(config: AppConfig): Map<string, RouteLimit[]> {
  const table = new Map<string, RouteLimit[]>();
  const add = (route: string, limit: RouteLimit): void => {
    table.set(route, [...(table.get(route) ?? []), limit]);
  };
  if (!config.rateLimits) return table;
  const anonymous = 'anonymous access';
  if (config.loginPerAddressLimit)
    add('POST /my/logins/direct', {
      name: 'login-address',
      limit: config.loginPerAddressLimit,
      subject: anonymous,
      tracker: address,
    });
  if (config.loginPerUsernameLimit)
    add('POST /my/logins/direct', {
      name: 'login-username',
      limit: config.loginPerUsernameLimit,
      subject: 'this username',
      tracker: loginUsername,
    });
  if (config.signupPerAddressLimit)
    add('POST /users', {
      name: 'signup-address',
      limit: config.signupPerAddressLimit,
      subject: anonymous,
      tracker: address,
    });
  return table;
}

const NONE: RouteLimit[] = [];

/** Per client address and per username on DirectLogin, per address on POST /users. */
@Injectable()
export class RouteRateLimitGuard implements CanActivate {
  private readonly byRoute: Map<string, RouteLimit[]>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's handler type
  private readonly byHandler = new Map<Function, RouteLimit[]>();

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    config: AppConfig,
  ) {
    this.byRoute = routeLimits(config);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.byRoute.size === 0) return true;
    const limits = this.limitsOf(context);
    if (limits.length === 0) return true;
    const http = context.switchToHttp();
    return this.count(http.getRequest<Request>(), http.getResponse<Response>(), limits);
  }

  private limitsOf(context: ExecutionContext): RouteLimit[] {
    const handler = context.getHandler();
    let limits = this.byHandler.get(handler);
    if (limits === undefined) {
      const def = this.reflector.get<EndpointDefinition | undefined>(OBP_ENDPOINT, handler);
      limits = (def && this.byRoute.get(def.route)) ?? NONE;
      this.byHandler.set(handler, limits);
    }
    return limits;
  }

  private async count(req: Request, res: Response, limits: RouteLimit[]): Promise<boolean> {
    for (const l of limits) {
      const tracker = l.tracker(req);
      if (tracker !== undefined) await this.limits.hit(res, l.name, l.limit, tracker, l.subject);
    }
    return true;
  }
}

/** RATE_LIMIT_PER_CONSUMER: the calls of one consumer, whatever its users; unlimited unless set. */
@Injectable()
export class ConsumerRateLimitGuard implements CanActivate {
  private readonly limit: RateLimit | null;

  constructor(
    private readonly limits: RateLimitService,
    config: AppConfig,
  ) {
    this.limit = config.rateLimits ? config.consumerLimit : null;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.limit === null) return true;
    const http = context.switchToHttp();
    const consumerId = http.getRequest<ObpRequest>().user?.consumerId;
    if (!consumerId) return true;
    return this.limits
      .hit(http.getResponse<Response>(), 'consumer', this.limit, consumerId, 'this Consumer')
      .then(() => true);
  }
}
