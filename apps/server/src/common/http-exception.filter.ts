import { type ApiErrorBody, ErrorCode } from '@echo-hub/protocol';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorKind } from './domain-error';
import { BodyError } from './json-body';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** The status a domain error answers with: the only place the kinds meet HTTP. */
const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
};

/** Errors the body parser raises before Nest sees the request (malformed JSON, oversize body). */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e && typeof e.status === 'number';
}

/** Maps every error to `{ statusCode, error: CODE, message }`; unknown errors are logged and answer 500 without internals. */
export function toErrorBody(exception: unknown, logger: Logger): ApiErrorBody {
  if (exception instanceof DomainError) {
    return {
      ...exception.details,
      statusCode: STATUS_BY_KIND[exception.kind],
      error: exception.code as ErrorCode,
      message: exception.message,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Partial<ApiErrorBody>);
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? exception.message);
    const error =
      body.error && /^[A-Z_]+$/.test(body.error) ? body.error : (CODE_BY_STATUS[statusCode] ?? ErrorCode.BadRequest);
    return { ...body, statusCode, error, message };
  }
  if (isBodyParserError(exception) && exception.status < 500) {
    const message =
      exception.type === 'entity.parse.failed' && !(exception instanceof BodyError)
        ? `body is not valid JSON: ${exception.message}`
        : exception.message;
    return { statusCode: exception.status, error: CODE_BY_STATUS[exception.status] ?? ErrorCode.BadRequest, message };
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: ErrorCode.Internal, message: 'Internal server error' };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception, this.logger);
    const res = host.switchToHttp().getResponse<Response>();
    if (body.retryAfterSeconds) res.setHeader('Retry-After', String(body.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }
}
