import type { EndpointDefinition } from '../endpoint/endpoint-registry';

/**
 * The `Idempotency-Key` request header (issue 15; IETF draft-ietf-httpapi-idempotency-key-header):
 * the wire facts the registry documents and `modules/idempotency` enforces.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set to `true` on an answer replayed from an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Which endpoints honour the header: every POST and PUT with a logged-in caller, since a key is
 * the caller's (consumer, user). Anonymous writes (DirectLogin, sign-up) ignore it: they have no
 * caller to scope a key to, and a stored token or user must never be replayed to someone else.
 */
export const isIdempotent = (def: Pick<EndpointDefinition, 'verb' | 'checks'>): boolean =>
  (def.verb === 'POST' || def.verb === 'PUT') && def.checks.includes('login');

/** 1 to 255 visible ASCII characters or spaces (what an HTTP header value carries untouched). */
export const isValidIdempotencyKey = (key: string): boolean =>
  key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x20-\x7e]+$/.test(key);

/** The markdown the resource docs add to an idempotent endpoint's description. */
export const IDEMPOTENCY_NOTES =
  `**Idempotency-Key** (optional header, up to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters): the request ` +
  'is executed once per key and caller (consumer and user); a repeat with the same method, path and ' +
  'body gets the first answer again (status and body) with `Idempotent-Replayed: true`, the same ' +
  'key with another request 422 OBP-10061, a repeat while the first still runs 409 OBP-10062. ' +
  'Keys are kept 24 hours (the server setting IDEMPOTENCY_TTL_HOURS). Without the header nothing changes.';
