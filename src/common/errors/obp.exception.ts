import { HttpException } from '@nestjs/common';
import type { ObpErrorDef } from './obp-errors';

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

  /** OBP's chain of failures, outer first, joined with ` <- ` ([P §9.2]); the outer status is kept. */
  static chain(outer: ObpErrorDef, inner: ObpErrorDef): ObpException {
    return new ObpException(outer, ` <- ${inner.message}`);
  }
}
