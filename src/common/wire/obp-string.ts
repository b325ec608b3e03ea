import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';

/** OBP turns a JSON number or boolean sent for a String field into its text ([K §0.2]). */
export const coerceScalarToString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;

/**
 * A required OBP String field: a string, or a number/boolean kept as its text; `null`, objects and
 * arrays are refused ([K §9] item 2). `maxLength` is OBP's column width.
 */
export function ObpString(maxLength?: number): PropertyDecorator {
  const decorators: PropertyDecorator[] = [Transform(coerceScalarToString), IsString()];
  if (maxLength !== undefined) decorators.push(MaxLength(maxLength));
  return applyDecorators(...decorators);
}
