import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

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

/**
 * Text, trimmed: a string of at most `max` characters, not empty unless `allowEmpty` (leave it out with
 * `Optional()`). Each message names the field.
 */
export function IsText(max: number, options: { allowEmpty?: boolean } = {}): PropertyDecorator {
  return (object, propertyName) => {
    const name = String(propertyName);
    Trim()(object, propertyName);
    IsString({ message: `${name} must be text` })(object, propertyName);
    if (!options.allowEmpty) IsNotEmpty({ message: `${name} is required` })(object, propertyName);
    MaxLength(max, { message: `${name} must be at most ${max} characters` })(object, propertyName);
  };
}

/** One of `values`; the message names the field and lists them. */
export function IsOneOf(values: readonly unknown[]): PropertyDecorator {
  return (object, propertyName) =>
    IsIn([...values], { message: `${String(propertyName)} must be one of ${values.join(', ')}` })(object, propertyName);
}

/** A list of at most `maxItems` non-empty texts of at most `maxLength` characters each (choices, options). */
export function IsTextList(maxItems: number, maxLength: number): PropertyDecorator {
  return (object, propertyName) => {
    const name = String(propertyName);
    IsArray({ message: `${name} must be a list` })(object, propertyName);
    ArrayMaxSize(maxItems, { message: `${name} must have at most ${maxItems} entries` })(object, propertyName);
    IsString({ each: true, message: `each of ${name} must be text` })(object, propertyName);
    IsNotEmpty({ each: true, message: `no entry of ${name} may be empty` })(object, propertyName);
    MaxLength(maxLength, { each: true, message: `each of ${name} must be at most ${maxLength} characters` })(
      object,
      propertyName,
    );
  };
}
