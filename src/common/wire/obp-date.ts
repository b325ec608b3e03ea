import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationOptions } from 'class-validator';

const OBP_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Strict `yyyy-MM-dd'T'HH:mm:ss'Z'` ([K §9] item 1): no milliseconds, no offset, no trailing text,
 * no impossible calendar values (OBP's lenient parser would roll 2017-02-30 over to 2 March).
 */
export function parseObpDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = OBP_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return same && y >= 1 ? date : undefined;
}

/** A Date as OBP writes it: UTC, seconds precision. */
export const toObpDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** yyyy-MM-dd, as OBP's v3.0.0 customer shape writes birth dates. */
export const toObpDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A required OBP date string; also documents `format: date-time` in OpenAPI. */
export function IsObpDate(options?: ValidationOptions & { each?: boolean }): PropertyDecorator {
  const validator = (target: object, propertyName: string | symbol): void =>
    registerDecorator({
      name: 'isObpDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a date like 2017-09-19T00:00:00Z`, ...options },
      validator: { validate: (value: unknown) => parseObpDate(value) !== undefined },
    });
  return applyDecorators(
    validator,
    options?.each
      ? ApiProperty({ type: [String], format: 'date-time', example: ['2017-09-19T00:00:00Z'] })
      : ApiProperty({ type: String, format: 'date-time', example: '2017-09-19T00:00:00Z' }),
  );
}
