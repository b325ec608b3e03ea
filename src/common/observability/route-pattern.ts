import type { IncomingMessage } from 'node:http';
import type { ObpRawRequest } from '../auth/principal';

/**
 * The matched route pattern (`/obp/v3.1.0/banks/:BANK_ID`), never the raw URL (it may hold
 * e-mails); set by the onRequest hook from the router's match.
 */
export const routePattern = (req: IncomingMessage): string =>
  (req as ObpRawRequest).routePattern ?? 'unmatched';
