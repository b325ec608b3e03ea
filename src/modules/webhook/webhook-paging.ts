import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ObpError, type ObpErrorDef, type ObpErrorName } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';

/**
 * OBP's list parameters (`limit`, `offset`, `sort_direction`, `from_date`, `to_date`) for the
 * webhook lists, with OBP's errors (OBP-10016 <- OBP-10023/10024/10025/10026, OBP-10012 above the
 * cap). A stand-in with the shape of the shared parser (common/wire/paging.ts, issue 15's paging
 * work): at the merge the import moves there and this file goes.
 */
export const MAX_PAGE_SIZE = 1000;

export type SortDirection = 'ASC' | 'DESC';

export interface Paging {
  limit: number;
  offset: number;
  sortDirection?: SortDirection;
  fromDate?: Date;
  toDate?: Date;
}

export const PAGING_ERRORS: ObpErrorName[] = [
  'InvalidFilterParameterFormat',
  'FilterSortDirectionError',
  'FilterDateFormatError',
  'FilterLimitError',
  'FilterOffersetError',
  'MaximumLimitExceeded',
];

export const PAGING_QUERY = [
  { name: 'limit', description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}).` },
  { name: 'offset', description: 'Rows to skip (default 0).' },
  {
    name: 'sort_direction',
    description: "ASC (oldest first) or DESC (newest first); default: the list's own order.",
  },
  {
    name: 'from_date',
    description: "Only rows created at or after this instant, yyyy-MM-dd'T'HH:mm:ss.SSS'Z'.",
  },
  {
    name: 'to_date',
    description: "Only rows created at or before this instant, yyyy-MM-dd'T'HH:mm:ss.SSS'Z'.",
  },
];

const fail = (inner: ObpErrorDef): ObpException =>
  ObpException.chain(ObpError.InvalidFilterParameterFormat, inner);

const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;

function parseDate(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  return same ? date : undefined;
}

function valueOf(query: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = query?.[name] ?? query?.[`obp_${name}`];
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
}

function count(text: string | undefined, minimum: number, error: ObpErrorDef): number | undefined {
  if (text === undefined) return undefined;
  const n = /^[+-]?\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < minimum || n > 2147483647) throw fail(error);
  return n;
}

/** The parameters, checked in OBP's order (sort direction, from, to, limit, offset). */
export function parsePaging(query: Record<string, unknown> | undefined): Paging {
  const direction = valueOf(query, 'sort_direction')?.toUpperCase();
  if (direction !== undefined && direction !== 'ASC' && direction !== 'DESC') {
    throw fail(ObpError.FilterSortDirectionError);
  }
  const dates = ['from_date', 'to_date'].map((name) => {
    const text = valueOf(query, name);
    if (text === undefined) return undefined;
    const date = parseDate(text);
    if (!date) throw fail(ObpError.FilterDateFormatError);
    return date;
  });
  const limit = count(valueOf(query, 'limit'), 1, ObpError.FilterLimitError);
  const offset = count(valueOf(query, 'offset'), 0, ObpError.FilterOffersetError);
  if (limit !== undefined && limit > MAX_PAGE_SIZE) {
    throw new ObpException(ObpError.MaximumLimitExceeded);
  }
  return {
    limit: limit ?? MAX_PAGE_SIZE,
    offset: offset ?? 0,
    sortDirection: direction,
    fromDate: dates[0],
    toDate: dates[1],
  };
}

/** `@Paged() paging: Paging`: runs after the guard, so 401/403/404 come before a bad parameter. */
export const Paged = createParamDecorator((_: unknown, ctx: ExecutionContext): Paging =>
  parsePaging(ctx.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query),
);
