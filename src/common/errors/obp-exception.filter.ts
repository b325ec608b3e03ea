import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { isClientDataError, isDatabaseUnavailable } from './database-errors';
import { ObpError, type ObpErrorDef } from './obp-errors';
import { ObpException } from './obp.exception';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
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
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const { status, message } = this.describe(exception, req);
    if (res.headersSent) return;
    const code = statusForMessage(message, status);
    if (code === 401 && message.includes('OBP-20001')) {
      const realm = this.config.hostname;
      res.setHeader(
        'WWW-Authenticate',
        `OAuth realm="${realm}", Bearer realm="${realm}", DirectLogin realm="${realm}"`,
      );
    }
    res.status(code).json({ code, message });
  }

  private describe(exception: unknown, req: Request): { status: number; message: string } {
    if (exception instanceof ObpException) {
      return { status: exception.getStatus(), message: exception.obpMessage };
    }
    const parser = exception as BodyParserError;
    if (parser && typeof parser.type === 'string' && typeof parser.status === 'number') {
      return this.bodyParserError(parser);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        const contentType = req.headers['content-type'] ?? '';
        return {
          status: 404,
          message: `${ObpError.InvalidUri.message}Current Url is (${req.path}), Current Content-Type Header is (${contentType})`,
        };
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
      this.logger.error({ err: exception }, 'database unavailable');
      return this.masked(ObpError.ServiceUnavailable, exception);
    }
    this.logger.error({ err: exception }, 'unexpected error');
    return this.masked(ObpError.InternalServerError, exception);
  }

  private masked(error: ObpErrorDef, exception: unknown): { status: number; message: string } {
    if (this.config.displayInternalErrors && exception instanceof Error) {
      return { status: error.status, message: `${error.message} ${exception.message}` };
    }
    return { status: error.status, message: error.message };
  }

  private bodyParserError(e: BodyParserError): { status: number; message: string } {
    switch (e.type) {
      case 'entity.too.large':
        return this.tooLarge();
      case 'entity.parse.failed':
        return {
          status: 400,
          message: `${ObpError.InvalidJsonFormat.message} ${e.message ?? ''}`.trimEnd(),
        };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return {
          status: 415,
          message: `${ObpError.UnsupportedMediaType.message}${e.message ?? ''}`,
        };
      default:
        return {
          status: 400,
          message: `${ObpError.InvalidJsonFormat.message} ${e.message ?? ''}`.trimEnd(),
        };
    }
  }

  private tooLarge(): { status: number; message: string } {
    return {
      status: 413,
      message: `${ObpError.RequestEntityTooLarge.message}${this.config.bodyLimit}.`,
    };
  }
}
