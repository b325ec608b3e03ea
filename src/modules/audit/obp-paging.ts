import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';

/**
 * OBP's paging and date query parameters (APIUtil.createQueriesByHttpParams), read in OBP's order:
 * sort_direction, from_date, to_date, limit, offset. Names are case-insensitive and the `obp_`
 * forms are accepted, as in OBP; the first value of a repeated parameter counts.
 * (A local copy: the shared parser of common/wire/paging.ts replaces it at merge.)
 */
export interface ObpPaging {
  /** Default 50 (OBP's Constant.Pagination.limit). */
  limit: number;
  offset: number;
  sortDirection: 'ASC' | 'DESC';
  /** Inclusive; none by default (OBP: the epoch). */
  fromDate?: Date;
  /** Inclusive, to the millisecond; none by default (OBP: far in the future). */
  toDate?: Date;
}

export const OBP_PAGING_DOC =
  'Paging as OBP: `limit` (default 50, at least 1), `offset` (default 0), `sort_direction` (`ASC` or ' +
  "`DESC`, default DESC: newest first), `from_date` and `to_date` (inclusive, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` " +
  'in UTC, e.g. `2026-01-01T00:00:00.000Z`). A bad value answers 400 with OBP-10023, OBP-10024, ' +
  'OBP-10025 or OBP-10026.';

export const OBP_PAGING_QUERY = [
  { name: 'limit', description: 'At most this many, default 50.' },
  { name: 'offset', description: 'Skip this many, default 0.' },
  { name: 'sort_direction', description: 'DESC (default, newest first) or ASC.' },
  { name: 'from_date', description: "From this time, inclusive: yyyy-MM-dd'T'HH:mm:ss.SSS'Z'." },
  { name: 'to_date', description: "Up to this time, inclusive: yyyy-MM-dd'T'HH:mm:ss.SSS'Z'." },
];

const DEFAULT_LIMIT = 50;
const INT = /^[+-]?\d{1,10}$/;
const DATE_MS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-]\d{4})$/;

/** The first value of a query parameter, its name in any case, plain or `obp_`-prefixed. */
export function queryValue(query: Record<string, unknown>, name: string): string | undefined {
  let plain: unknown;
  let prefixed: unknown;
  for (const [key, value] of Object.entries(query)) {
    const k = key.toLowerCase();
    if (plain === undefined && k === name) plain = value;
    else if (prefixed === undefined && k === `obp_${name}`) prefixed = value;
  }
  const value = plain ?? prefixed;
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** Java's Integer.parseInt: an optional sign, digits, within 32 bits. */
function parseInt32(text: string): number | undefined {
  if (!INT.test(text)) return undefined;
  const n = Number(text);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, or OBP's fallback with an offset (`…SSS+0100`); no impossible dates. */
export function parseObpDateWithMs(text: string): Date | undefined {
  const m = DATE_MS.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const same =
    utc.getUTCFullYear() === y &&
    utc.getUTCMonth() === mo - 1 &&
    utc.getUTCDate() === d &&
    utc.getUTCHours() === h &&
    utc.getUTCMinutes() === mi &&
    utc.getUTCSeconds() === s;
  if (!same || y < 1) return undefined;
  const zone = m[8];
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
  return new Date(utc.getTime() - sign * minutes * 60_000);
}

function dateParam(query: Record<string, unknown>, name: string): Date | undefined {
  const text = queryValue(query, name);
  if (text === undefined) return undefined;
  const date = parseObpDateWithMs(text);
  if (!date) throw new ObpException(ObpError.FilterDateFormatError);
  return date;
}

function intParam(
  query: Record<string, unknown>,
  name: string,
  min: number,
  error: (typeof ObpError)['FilterLimitError' | 'FilterOffersetError'],
): number | undefined {
  const text = queryValue(query, name);
  if (text === undefined) return undefined;
  const n = parseInt32(text);
  if (n === undefined || n < min) throw new ObpException(error);
  return n;
}

export function parseObpPaging(query: Record<string, unknown>): ObpPaging {
  const direction = queryValue(query, 'sort_direction');
  if (direction !== undefined && !/^(asc|desc)$/i.test(direction))
    throw new ObpException(ObpError.FilterSortDirectionError);
  const fromDate = dateParam(query, 'from_date');
  const toDate = dateParam(query, 'to_date');
  return {
    sortDirection: direction?.toLowerCase() === 'asc' ? 'ASC' : 'DESC',
    fromDate,
    toDate,
    limit: intParam(query, 'limit', 1, ObpError.FilterLimitError) ?? DEFAULT_LIMIT,
    offset: intParam(query, 'offset', 0, ObpError.FilterOffersetError) ?? 0,
  };
}
