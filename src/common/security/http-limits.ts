import { maxHeaderSize } from 'node:http';
import type { Duplex } from 'node:stream';
import { ObpError, type ObpErrorDef } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';

/**
 * The longest URL (path and query) we route. Node's parser already caps the request line and headers
 * together at `maxHeaderSize` (16 KiB by default, `--max-http-header-size`); past half of that a URL
 * is no request of this API (the longest, a resource-docs `functions=` list of every endpoint, is
 * under 4 KiB), and 414 says so better than 431.
 */
export const MAX_URL_LENGTH = 8192;

/** 414 OBP-10017 for a URL over MAX_URL_LENGTH, before anything parses it. */
export function urlTooLong(url: string): void {
  if (url.length > MAX_URL_LENGTH) {
    throw new ObpException(
      ObpError.InvalidUrl,
      `The URL exceeds the limit of ${MAX_URL_LENGTH} characters.`,
      414,
    );
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function clientErrorBody(code: string | undefined): { status: number; message: string } {
  const def = (e: ObpErrorDef, suffix = ''): { status: number; message: string } => ({
    status: e.status,
    message: e.message + suffix,
  });
  if (code === 'HPE_HEADER_OVERFLOW')
    return def(ObpError.RequestHeaderFieldsTooLarge, `${maxHeaderSize} bytes.`);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return def(ObpError.RequestTimeout);
  return def(ObpError.MalformedRequest);
}

/**
 * What Node's HTTP parser refuses (headers over maxHeaderSize, a malformed request, a request not
 * received within headersTimeout/requestTimeout) never reaches Fastify's router; Node would answer a bare
 * status line. We answer the same status with an OBP body, then close the connection, as Node does.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = clientErrorBody(err.code);
    const body = JSON.stringify({ code: status, message });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
}

/**
 * What Fastify's router refuses before a route is chosen (FST_ERR_BAD_URL: a malformed
 * percent-encoding in a path parameter; FST_ERR_MAX_PARAM_LENGTH: one parameter over the router's
 * limit): OBP-10017 bodies, 400 and 414, instead of Fastify's own.
 */
export function frameworkError(err: { code?: string }): { status: number; message: string } {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return {
      status: 414,
      message: `${ObpError.InvalidUrl.message}A path parameter exceeds the limit of ${MAX_PARAM_LENGTH} characters.`,
    };
  return {
    status: 400,
    message: `${ObpError.InvalidUrl.message}A path parameter is not valid percent-encoded text.`,
  };
}

/** The router's limit on one path parameter (find-my-way's default of 100 is too short for OBP ids). */
export const MAX_PARAM_LENGTH = 8192;
