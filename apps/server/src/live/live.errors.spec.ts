import { Logger } from '@nestjs/common';
import { gate } from '../deid';
import { DomainError, ErrorKind, invalidField, notFound } from '../common/domain-error';
import { toErrorBody } from '../common/http-exception.filter';
import { ackCode, LiveError } from './live.errors';

const logger = new Logger('test');
const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('domain errors, mapped at the edge', () => {
  it('answer HTTP with the status of their kind, their stable code and their details', () => {
    const statuses = Object.values(ErrorKind).map(
      (kind) => toErrorBody(new DomainError(kind, 'SOME_CODE', 'why'), logger).statusCode,
    );
    expect(statuses).toEqual([400, 401, 403, 404, 409, 422, 429]);
    expect(toErrorBody(notFound('case 1'), logger)).toEqual({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: 'case 1 not found',
    });
    expect(toErrorBody(invalidField('period', 'ends before it starts'), logger)).toMatchObject({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      fields: [{ field: 'period', messages: ['ends before it starts'] }],
    });
  });

  it('let the de-identification gate refuse without knowing HTTP: 422 over HTTP, IDENTIFIERS_FOUND in an ack', () => {
    const refusal = caught(() => gate({ body: 'NHS number 943 476 5919' }));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(toErrorBody(refusal, logger)).toMatchObject({
      statusCode: 422,
      error: 'IDENTIFIERS_FOUND',
      findings: [expect.objectContaining({ field: 'body' })],
    });
    expect(ackCode(refusal as DomainError)).toBe('IDENTIFIERS_FOUND');
  });

  it('answer a socket with the live code they carry, or the one of their kind', () => {
    expect(ackCode(new LiveError('ROOM_LOCKED', 'locked'))).toBe('ROOM_LOCKED');
    expect(ackCode(notFound('case 1'))).toBe('NOT_FOUND');
    expect(ackCode(new DomainError(ErrorKind.Forbidden, 'NOT_PRESENTER', 'no'))).toBe('FORBIDDEN');
    expect(ackCode(new DomainError(ErrorKind.RateLimited, 'TOO_MANY_POSTS', 'slow'))).toBe('RATE_LIMITED');
  });
});
