import { parseObpDate, toObpDate, toObpDay } from './obp-date';

describe('parseObpDate', () => {
  it('reads yyyy-MM-ddTHH:mm:ssZ as UTC', () => {
    expect(parseObpDate('2017-09-19T13:14:15Z')?.toISOString()).toBe('2017-09-19T13:14:15.000Z');
  });

  it.each([
    '2017-09-19T00:00:00.000Z',
    '2017-09-19',
    '2017-09-19T00:00:00+02:00',
    '2017-09-19T00:00:00Zjunk',
    '2017-02-30T00:00:00Z',
    '2017-9-1T0:0:0Z',
    '2017-09-19T24:00:00Z',
    '0000-01-01T00:00:00Z',
    '',
  ])('refuses %p', (value) => {
    expect(parseObpDate(value)).toBeUndefined();
  });

  it.each([null, 20170919, {}, ['2017-09-19T00:00:00Z']])('refuses the non-string %p', (value) => {
    expect(parseObpDate(value)).toBeUndefined();
  });

  it('accepts a leap day only in a leap year', () => {
    expect(parseObpDate('2020-02-29T00:00:00Z')).toBeDefined();
    expect(parseObpDate('2019-02-29T00:00:00Z')).toBeUndefined();
  });
});

describe('toObpDate / toObpDay', () => {
  it('writes seconds precision in UTC', () => {
    expect(toObpDate(new Date('2017-09-19T13:14:15.678Z'))).toBe('2017-09-19T13:14:15Z');
    expect(toObpDay(new Date('2017-09-19T13:14:15.678Z'))).toBe('2017-09-19');
  });
});
