import { ErrorCode, type FieldError } from '@echo-hub/protocol';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Flattens nested class-validator errors into `field.path: messages`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: [...new Set(Object.values(e.constraints))] }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): BadRequestException {
  const fields = fieldErrors(errors);
  return new BadRequestException({
    error: ErrorCode.ValidationFailed,
    message: fields.flatMap((f) => f.messages).join('; '),
    fields,
  });
}

/** The one validation pipe: unknown fields are errors, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationException,
  });
}
