import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { Type } from '@nestjs/common';
import { ObpError } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';

/** The one option set for request bodies: unknown fields are stripped (ignored, as in OBP). */
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: false,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

function firstProblem(errors: ValidationError[], parent = ''): string | undefined {
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return message.startsWith(e.property)
        ? path + message.slice(e.property.length)
        : `${path}: ${message}`;
    }
    const nested = firstProblem(e.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Reads a JSON body into `type` as OBP would, or throws 400
 * `OBP-10001: Incorrect json format. The Json body should be the <Class> ` followed by the field at fault.
 */
export function validateBody<T extends object>(
  type: Type<T>,
  body: unknown,
  jsonName = type.name,
): T {
  const fail = (detail: string): never => {
    throw new ObpException(ObpError.InvalidJsonBody, `${jsonName} (${detail})`);
  };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return fail('the body must be a JSON object');
  }
  const instance = plainToInstance(type, body, { enableImplicitConversion: false });
  const errors = validateSync(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) return fail(firstProblem(errors) ?? 'invalid body');
  return instance;
}
