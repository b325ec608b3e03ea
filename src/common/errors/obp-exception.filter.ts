import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import type { ObpRawRequest } from '../auth/principal';
import { isClientDataError, isDatabaseUnavailable } from './database-errors';
import { ObpError, type ObpErrorDef } from './obp-errors';
import { ObpException } from './obp.exception';

interface FastifyError {
  code?: string;
  statusCode?: number;
  message: string;
}

/** OBP's status rules ([P §9.2]): 20001 → 401 and 20006 → 403, whatever the failing step said. */
export function statusForMessage(message: string, fallback: number): number {
  if (message.includes('OBP-20001')) return 401;
  if (/OBP-(20006|20017|20101|20023)/.test(message)) return 403;
  return fallback;
}

/**
 * Writes every error body as `{"code": <status>, "message": "OBP-…"}`, including for failures before
 * our code runs (unknown route, unparsable or oversized JSON). Anything unexpected is a masked 500;
 * its detail goes to the log only (or to the client with DISPLAY_INTERNAL_ERRORS=true).
 */
@Catch()
export class ObpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ObpExceptionFilter');

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const res = ctx.getResponse<FastifyReply>();
    const { status, message } = this.describe(exception, req, {
      correlation_id: (req.raw as ObpRawRequest | undefined)?.correlationId,
    });
    if (res.sent || res.raw.headersSent) return;
    const code = statusForMessage(message, status);
    if (code === 401 && message.includes('OBP-20001')) {
      const realm = this.config.hostname;
      void res.header(
        'WWW-Authenticate',
        `OAuth realm="${realm}", Bearer realm="${realm}", DirectLogin realm="${realm}"`,
      );
    }
    void res.status(code).type('application/json; charset=utf-8').send({ code, message });
  }

  private describe(
    exception: unknown,
    req: FastifyRequest,
    context: { correlation_id?: string },
  ): { status: number; message: string } {
    if (exception instanceof ObpException) {
      return { status: exception.getStatus(), message: exception.obpMessage };
    }
    const fastifyError = exception as FastifyError;
    if (
      fastifyError &&
      typeof fastifyError.code === 'string' &&
      fastifyError.code.startsWith('FST_')
    ) {
      return this.fastifyError(fastifyError);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        return { status: 404, message: ObpException.invalidUri(req).obpMessage };
      }
      if (status === 413) return this.tooLarge();
      if (status < 500)
        return { status, message: `${ObpError.InvalidJsonFormat.message} ${exception.message}` };
    }
    if (isClientDataError(exception)) {
      return {
        status: 400,
        message: `${ObpError.InvalidJsonFormat.message} A value could not be stored.`,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.error({ err: exception, ...context }, 'database unavailable');
      return this.masked(ObpError.ServiceUnavailable, exception);
    }
    this.logger.error({ err: exception, ...context }, 'unexpected error');
    return this.masked(ObpError.InternalServerError, exception);
  }

  private masked(error: ObpErrorDef, exception: unknown): { status: number; message: string } {
    if (this.config.displayInternalErrors && exception instanceof Error) {
      return { status: error.status, message: `${error.message} ${exception.message}` };
    }
    return { status: error.status, message: error.message };
  }

  /** Fastify's own refusals before our code runs (body size, media type, malformed request). */
  private fastifyError(e: FastifyError): { status: number; message: string } {
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return this.tooLarge();
    if (e.statusCode === 415) {
      return { status: 415, message: `${ObpError.UnsupportedMediaType.message}${e.message}` };
    }
    return {
      status: e.statusCode && e.statusCode < 500 ? e.statusCode : 400,
      message: `${ObpError.InvalidJsonFormat.message} ${e.message}`.trimEnd(),
    };
  }

  private tooLarge(): { status: number; message: string } {
    return {
      status: 413,
      message: `${ObpError.RequestEntityTooLarge.message}${this.config.bodyLimit}.`,
    };
  }
}
