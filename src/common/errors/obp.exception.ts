import { HttpException } from '@nestjs/common';
import { ObpError, type ObpErrorDef } from './obp-errors';

const { InvalidUri } = ObpError;

/**
 * The one exception our code throws. `suffix` is OBP's text appended to the catalog message
 * (OBP's double periods included); `status` overrides the catalog status where OBP does ([P §3.1]).
 */
export class ObpException extends HttpException {
  readonly obpMessage: string;

  constructor(error: ObpErrorDef, suffix = '', status: number = error.status) {
    const message = error.message + suffix;
    super({ code: status, message }, status);
    this.obpMessage = message;
  }

  /**
   * OBP-10404 for what matches no route ([P §0.2]): an unknown path, a body that is not JSON, a
   * file the explorer does not serve. The URL is named without its query.
   */
  static invalidUri(req: {
    url: string;
    headers: Record<string, string | string[] | undefined>;
  }): ObpException {
    const contentType = req.headers['content-type'] ?? '';
    return new ObpException(
      InvalidUri,
      `Current Url is (${req.url.split('?')[0]}), Current Content-Type Header is (${String(contentType)})`,
    );
  }

  /** OBP's chain of failures, outer first, joined with ` <- ` ([P §9.2]); the outer status is kept. */
  static chain(outer: ObpErrorDef, inner: ObpErrorDef): ObpException {
    return new ObpException(outer, ` <- ${inner.message}`);
  }
}
