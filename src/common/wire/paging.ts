import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  And,
  type FindManyOptions,
  type FindOptionsOrder,
  type FindOptionsWhere,
  LessThanOrEqual,
  MoreThanOrEqual,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import type { QueryParameter } from '../endpoint/endpoint-registry';
import { ObpError, type ObpErrorDef, type ObpErrorName } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';
import { preparedStatement, type PreparedStatement } from '../../database/prepared-statement';

/**
 * Paged lists (issue 15): OBP's query parameters `limit`, `offset`, `sort_direction`, `from_date`
 * and `to_date` (APIUtil.createQueriesByHttpParams), parsed once here, applied by one of the three
 * helpers below (TypeORM `find`, a query builder, or named prepared statements).
 *
 * Without any of them a list answers as before, up to MAX_PAGE_SIZE rows: no request loads an
 * unbounded list. `limit` above the cap is refused (OBP-10012), never silently cut.
 */
export const MAX_PAGE_SIZE = 1000;

export type SortDirection = 'ASC' | 'DESC';

export interface Paging {
  /** `limit`, or MAX_PAGE_SIZE when not given (OBP's default of 50 would cut today's answers). */
  limit: number;
  offset: number;
  /** Undefined: the list's own order (the answer without parameters). */
  sortDirection?: SortDirection;
  /** Inclusive bounds on the list's date (OBP's `>=` and `<=`); undefined: unbounded. */
  fromDate?: Date;
  toDate?: Date;
}

/** What a list serves without parameters. */
export const DEFAULT_PAGING: Readonly<Paging> = Object.freeze({ limit: MAX_PAGE_SIZE, offset: 0 });

export const isDefaultPaging = (p: Paging): boolean =>
  p.offset === 0 &&
  p.limit === MAX_PAGE_SIZE &&
  p.sortDirection === undefined &&
  p.fromDate === undefined &&
  p.toDate === undefined;

/** The errors a paged endpoint documents (the `paged` option adds them to its block). */
export const PAGING_ERRORS: ObpErrorName[] = [
  'InvalidFilterParameterFormat',
  'FilterSortDirectionError',
  'FilterDateFormatError',
  'FilterLimitError',
  'FilterOffersetError',
  'MaximumLimitExceeded',
];

/** The query parameters a paged endpoint documents (OpenAPI, OBP's Swagger, the explorer). */
export const PAGING_QUERY: QueryParameter[] = [
  {
    name: 'limit',
    description: `Page size: at least 1, at most ${MAX_PAGE_SIZE}. Default: ${MAX_PAGE_SIZE}.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 50 },
  },
  {
    name: 'offset',
    description: 'Rows to skip, at least 0. Default: 0.',
    schema: { type: 'integer', minimum: 0, example: 0 },
  },
  {
    name: 'sort_direction',
    description:
      "ASC (oldest first) or DESC (newest first) by the list's date, ties by id. Default: the list's own order.",
    schema: { type: 'string', enum: ['ASC', 'DESC'] },
  },
  {
    name: 'from_date',
    description:
      "Only rows whose date is at or after this instant; OBP's format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'.",
    schema: { type: 'string', format: 'date-time', example: '2017-09-19T00:00:00.000Z' },
  },
  {
    name: 'to_date',
    description:
      "Only rows whose date is at or before this instant; OBP's format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'.",
    schema: { type: 'string', format: 'date-time', example: '2030-01-01T00:00:00.000Z' },
  },
];

/** The markdown the resource docs add to a paged endpoint's description (OBP adds a like text). */
export const PAGING_NOTES =
  '**Paging** (optional URL parameters, as OBP: `?limit=50&offset=0&sort_direction=ASC&from_date=2017-09-19T00:00:00.000Z&to_date=2030-01-01T00:00:00.000Z`): ' +
  `\`limit\` (1 to ${MAX_PAGE_SIZE}, default ${MAX_PAGE_SIZE}), \`offset\` (default 0), ` +
  "`sort_direction` (`ASC` oldest first or `DESC` newest first by the list's date, ties by id; " +
  "default: the order described above), `from_date` and `to_date` (inclusive bounds on the list's " +
  "date, format `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`). Without them the whole list is answered, " +
  `up to ${MAX_PAGE_SIZE} rows.`;

const fail = (inner: ObpErrorDef): ObpException =>
  ObpException.chain(ObpError.InvalidFilterParameterFormat, inner);

/** Java's Integer.parseInt, which OBP uses: optional sign, digits only, 32-bit. */
function parseJavaInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

const OBP_MS_DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-](\d{2})(\d{2}))$/;

/**
 * OBP's `parseObpStandardDate`: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, or the v1.x rollback format with an
 * offset (`.SSS+0000`). Strict: no impossible calendar values, no trailing text.
 */
export function parsePagingDate(text: string): Date | undefined {
  const m = OBP_MS_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const valid =
    y >= 1 &&
    utc.getUTCFullYear() === y &&
    utc.getUTCMonth() === mo - 1 &&
    utc.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  if (!valid) return undefined;
  if (m[8] === 'Z') return utc;
  const [oh, om] = [Number(m[9]), Number(m[10])];
  if (oh > 23 || om > 59) return undefined;
  const offset = (m[8].startsWith('-') ? -1 : 1) * (oh * 60 + om);
  return new Date(utc.getTime() - offset * 60_000);
}

type Query = Record<string, unknown> | undefined;

/** The first value of `name` or `obp_<name>` (OBP: names case-insensitive, the plain one first). */
function valueOf(query: Query, name: string): string | undefined {
  if (!query) return undefined;
  let plain: unknown;
  let prefixed: unknown;
  for (const [key, value] of Object.entries(query)) {
    const k = key.toLowerCase();
    if (plain === undefined && k === name) plain = value;
    else if (prefixed === undefined && k === `obp_${name}`) prefixed = value;
  }
  const chosen = plain ?? prefixed;
  const first: unknown = Array.isArray(chosen) ? chosen[0] : chosen;
  // the querystring parser gives strings (or arrays of them); anything else is not a value
  return typeof first === 'string' ? first : undefined;
}

function count(
  query: Query,
  name: string,
  minimum: number,
  error: ObpErrorDef,
): number | undefined {
  const text = valueOf(query, name);
  if (text === undefined) return undefined;
  const n = parseJavaInt(text);
  if (n === undefined || n < minimum) throw fail(error);
  return n;
}

function date(query: Query, name: string): Date | undefined {
  const text = valueOf(query, name);
  if (text === undefined) return undefined;
  const parsed = parsePagingDate(text);
  if (!parsed) throw fail(ObpError.FilterDateFormatError);
  return parsed;
}

/**
 * OBP's query parameters of a list, checked in OBP's order (sort direction, from, to, limit,
 * offset: the first bad one answers). Throws the OBP error; unknown parameters are ignored.
 */
export function parsePaging(query: Query): Paging {
  const direction = valueOf(query, 'sort_direction');
  let sortDirection: SortDirection | undefined;
  if (direction !== undefined) {
    const upper = direction.toUpperCase();
    if (upper !== 'ASC' && upper !== 'DESC') throw fail(ObpError.FilterSortDirectionError);
    sortDirection = upper;
  }
  const fromDate = date(query, 'from_date');
  const toDate = date(query, 'to_date');
  const limit = count(query, 'limit', 1, ObpError.FilterLimitError);
  const offset = count(query, 'offset', 0, ObpError.FilterOffersetError);
  if (limit !== undefined && limit > MAX_PAGE_SIZE) {
    throw new ObpException(ObpError.MaximumLimitExceeded);
  }
  return { limit: limit ?? MAX_PAGE_SIZE, offset: offset ?? 0, sortDirection, fromDate, toDate };
}

/**
 * `@Paged() paging: Paging` in a controller method of an endpoint declared with `paged: true`.
 * Runs after the guard, so OBP's 401/403/404 come first and a bad parameter is a 400.
 */
export const Paged = createParamDecorator((_: unknown, ctx: ExecutionContext): Paging => {
  const req = ctx.switchToHttp().getRequest<{ query?: Record<string, unknown> }>();
  return parsePaging(req.query);
});

// ---------------------------------------------------------------------------------------------
// Applying it: a list's order is its date, then a unique column that breaks ties

/**
 * A list's stable order without parameters: its date property (what `from_date`/`to_date` bound and
 * `sort_direction` turns) in `direction`, then the unique `tie` in `tieDirection`. `sort_direction`
 * against `direction` reverses both, so one index serves both ways (scanned backwards).
 */
export interface ListOrder<E> {
  date: keyof E & string;
  direction: SortDirection;
  tie: keyof E & string;
  tieDirection: SortDirection;
}

/** The most common order: oldest first by creation, ties by id (OBP's lists mostly come so). */
export const oldestFirst = <E extends { createdAt: Date; id: string }>(): ListOrder<E> => ({
  date: 'createdAt',
  direction: 'ASC',
  tie: 'id',
  tieDirection: 'ASC',
});

const flip = (d: SortDirection): SortDirection => (d === 'ASC' ? 'DESC' : 'ASC');

/** The (date, tie) directions for this page. */
export function directionsOf<E>(
  order: ListOrder<E>,
  paging: Paging,
): [SortDirection, SortDirection] {
  const reverse = paging.sortDirection !== undefined && paging.sortDirection !== order.direction;
  return reverse
    ? [flip(order.direction), flip(order.tieDirection)]
    : [order.direction, order.tieDirection];
}

/** Repository `find` options for one page: `where` gets the date bounds; order, take and skip. */
export function pageFind<E extends ObjectLiteral>(
  order: ListOrder<E>,
  paging: Paging,
  where: FindOptionsWhere<E>,
): FindManyOptions<E> {
  const [dateDir, tieDir] = directionsOf(order, paging);
  const { fromDate, toDate } = paging;
  const bound =
    fromDate && toDate
      ? And(MoreThanOrEqual(fromDate), LessThanOrEqual(toDate))
      : fromDate
        ? MoreThanOrEqual(fromDate)
        : toDate
          ? LessThanOrEqual(toDate)
          : undefined;
  return {
    where: bound ? { ...where, [order.date]: bound } : where,
    order: { [order.date]: dateDir, [order.tie]: tieDir } as FindOptionsOrder<E>,
    take: paging.limit,
    skip: paging.offset || undefined,
  };
}

/** The same on a query builder whose main alias is `alias`. */
export function pageQuery<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  order: ListOrder<E>,
  paging: Paging,
): SelectQueryBuilder<E> {
  const [dateDir, tieDir] = directionsOf(order, paging);
  const column = `${alias}.${order.date}`;
  if (paging.fromDate) qb.andWhere(`${column} >= :pagingFrom`, { pagingFrom: paging.fromDate });
  if (paging.toDate) qb.andWhere(`${column} <= :pagingTo`, { pagingTo: paging.toDate });
  return qb
    .orderBy(column, dateDir)
    .addOrderBy(`${alias}.${order.tie}`, tieDir)
    .limit(paging.limit)
    .offset(paging.offset || undefined);
}

const snake = (property: string): string =>
  `"${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;

/**
 * Named prepared statements for a hot list: `select` is `SELECT … FROM t`, `where` its condition on
 * `$1…$n` (the `values` given to `page`). Without parameters the list's own statement (`name`,
 * as before, plus the cap); with them one statement per direction (`<name>_asc` / `_desc`) whose
 * bounds, limit and offset are values, so every page shape is parsed and planned once.
 */
export function pagedStatements<E>(
  name: string,
  select: string,
  where: string,
  params: number,
  order: ListOrder<E>,
): (paging: Paging, values: unknown[]) => { statement: PreparedStatement; values: unknown[] } {
  const date = snake(order.date);
  const tie = snake(order.tie);
  const orderBy = (d: SortDirection, t: SortDirection): string =>
    ` ORDER BY ${date} ${d}, ${tie} ${t}`;
  const base = preparedStatement(
    name,
    `${select} WHERE ${where}${orderBy(order.direction, order.tieDirection)} LIMIT ${MAX_PAGE_SIZE}`,
  );
  const n = params;
  const pageOf = (d: SortDirection, t: SortDirection): PreparedStatement =>
    preparedStatement(
      `${name}_${d.toLowerCase()}`,
      `${select} WHERE ${where} AND ${date} >= $${n + 1}::timestamptz AND ${date} <= $${n + 2}::timestamptz` +
        `${orderBy(d, t)} LIMIT $${n + 3}::int OFFSET $${n + 4}::int`,
    );
  const pages = {
    [order.direction]: pageOf(order.direction, order.tieDirection),
    [flip(order.direction)]: pageOf(flip(order.direction), flip(order.tieDirection)),
  } as Record<SortDirection, PreparedStatement>;
  return (paging, values) => {
    if (isDefaultPaging(paging)) return { statement: base, values };
    const [dateDir] = directionsOf(order, paging);
    return {
      statement: pages[dateDir],
      values: [
        ...values,
        paging.fromDate ?? '-infinity',
        paging.toDate ?? 'infinity',
        paging.limit,
        paging.offset,
      ],
    };
  };
}
