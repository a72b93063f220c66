import { Transform } from 'class-transformer';
import { IsDateString, Matches, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

/** Trims surrounding whitespace from string input (other types pass through to fail validation). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function IsTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/London`, ...options },
      validator: { validate: isTimeZone },
    });
}

/**
 * The field may be left out; `null` is not "left out" and is validated like any other value
 * (class-validator's IsOptional lets null through to NOT NULL columns). Fields that may be
 * cleared with null say so with their own `ValidateIf(v !== null)` after `IsOptional()`.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not); the message names the field. */
export function IsDay(): PropertyDecorator {
  return (object, propertyName) => {
    const message = `${String(propertyName)} must be a date (YYYY-MM-DD)`;
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message })(object, propertyName);
    IsDateString({ strict: true }, { message })(object, propertyName);
  };
}
