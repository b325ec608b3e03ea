import { ObpError } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';
import {
  type ListOrder,
  MAX_PAGE_SIZE,
  directionsOf,
  isDefaultPaging,
  parsePaging,
  parsePagingDate,
} from './paging';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ObpException) return err.obpMessage;
    throw err;
  }
  throw new Error('did not throw');
};

describe('parsePaging', () => {
  it('answers the whole list, up to the cap, without parameters', () => {
    const p = parsePaging({});
    expect(p).toEqual({ limit: MAX_PAGE_SIZE, offset: 0 });
    expect(isDefaultPaging(p)).toBe(true);
    expect(isDefaultPaging(parsePaging(undefined))).toBe(true);
    expect(isDefaultPaging(parsePaging({ other: '1' }))).toBe(true);
  });

  it("reads OBP's parameters, their obp_ spellings, in any case; the plain name wins", () => {
    expect(
      parsePaging({
        limit: '+5',
        OFFSET: '007',
        sort_direction: 'asc',
        from_date: '2017-09-19T00:00:00.000Z',
        obp_to_date: '2017-09-20T01:00:00.000+0100',
      }),
    ).toEqual({
      limit: 5,
      offset: 7,
      sortDirection: 'ASC',
      fromDate: new Date('2017-09-19T00:00:00.000Z'),
      toDate: new Date('2017-09-20T00:00:00.000Z'),
    });
    expect(parsePaging({ obp_limit: '3', limit: '2' }).limit).toBe(2);
    expect(parsePaging({ limit: ['4', '9'] }).limit).toBe(4);
  });

  it("chains OBP-10016 with the failing parameter's error, in OBP's order", () => {
    const chained = (e: { message: string }) =>
      `${ObpError.InvalidFilterParameterFormat.message} <- ${e.message}`;
    expect(messageOf(() => parsePaging({ limit: '0', sort_direction: 'x' }))).toBe(
      chained(ObpError.FilterSortDirectionError),
    );
    expect(messageOf(() => parsePaging({ limit: '0', offset: 'x' }))).toBe(
      chained(ObpError.FilterLimitError),
    );
    expect(messageOf(() => parsePaging({ offset: '-1' }))).toBe(
      chained(ObpError.FilterOffersetError),
    );
    expect(messageOf(() => parsePaging({ to_date: '2017-09-19T00:00:00Z' }))).toBe(
      chained(ObpError.FilterDateFormatError),
    );
    expect(messageOf(() => parsePaging({ limit: String(MAX_PAGE_SIZE + 1) }))).toBe(
      ObpError.MaximumLimitExceeded.message,
    );
    expect(ObpError.MaximumLimitExceeded.message).toContain(`${MAX_PAGE_SIZE}.`);
  });
});

describe('parsePagingDate', () => {
  it.each([
    ['2017-09-19T00:00:00.000Z', '2017-09-19T00:00:00.000Z'],
    ['2017-09-19T02:30:00.123+0230', '2017-09-19T00:00:00.123Z'],
    ['2017-09-18T22:00:00.000-0200', '2017-09-19T00:00:00.000Z'],
  ])('reads %s', (text, iso) => expect(parsePagingDate(text)?.toISOString()).toBe(iso));

  it.each([
    '2017-09-19T00:00:00Z',
    '2017-02-30T00:00:00.000Z',
    '2017-09-19T24:00:00.000Z',
    '2017-09-19T00:00:00.000Z ',
    '2017-09-19T00:00:00.000+2400',
    '0000-01-01T00:00:00.000Z',
  ])('refuses %j', (text) => expect(parsePagingDate(text)).toBeUndefined());
});

describe('directionsOf', () => {
  const order: ListOrder<{ updatedAt: Date; id: string }> = {
    date: 'updatedAt',
    direction: 'DESC',
    tie: 'id',
    tieDirection: 'ASC',
  };
  it('keeps the default order for its own direction and reverses both columns for the other', () => {
    expect(directionsOf(order, parsePaging({}))).toEqual(['DESC', 'ASC']);
    expect(directionsOf(order, parsePaging({ sort_direction: 'DESC' }))).toEqual(['DESC', 'ASC']);
    expect(directionsOf(order, parsePaging({ sort_direction: 'ASC' }))).toEqual(['ASC', 'DESC']);
  });
});
