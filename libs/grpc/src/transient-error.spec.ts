import { status } from '@grpc/grpc-js';
import { isTransientGrpcError } from './transient-error';

const failed = (code: status, details = 'x') => Object.assign(new Error(details), { code, details });

describe('which failed gRPC calls are worth retrying', () => {
  it.each([
    ['UNAVAILABLE', failed(status.UNAVAILABLE), true],
    ['DEADLINE_EXCEEDED', failed(status.DEADLINE_EXCEEDED), true],
    ['RESOURCE_EXHAUSTED (quota)', failed(status.RESOURCE_EXHAUSTED, 'rate limited'), true],
    ['ABORTED', failed(status.ABORTED), true],
    ['CANCELLED', failed(status.CANCELLED), true],
    [
      'RESOURCE_EXHAUSTED (message too large)',
      failed(status.RESOURCE_EXHAUSTED, 'Received message larger than max (9000000 vs 8388608)'),
      false,
    ],
    ['UNKNOWN', failed(status.UNKNOWN), false],
    ['INTERNAL', failed(status.INTERNAL), false],
    ['INVALID_ARGUMENT', failed(status.INVALID_ARGUMENT), false],
    ['NOT_FOUND', failed(status.NOT_FOUND), false],
    ['ALREADY_EXISTS', failed(status.ALREADY_EXISTS), false],
    ['FAILED_PRECONDITION', failed(status.FAILED_PRECONDITION), false],
    ['PERMISSION_DENIED', failed(status.PERMISSION_DENIED), false],
    ['UNAUTHENTICATED', failed(status.UNAUTHENTICATED), false],
    ['UNIMPLEMENTED', failed(status.UNIMPLEMENTED), false],
    ['OK (not a failure)', failed(status.OK), false],
    ['an error without a code', new Error('boom'), false],
    ['a code that is not a number', { code: 'UNAVAILABLE' }, false],
    ['undefined', undefined, false],
    ['a string', 'UNAVAILABLE', false],
  ])('%s → transient: %s', (_name, error, transient) => {
    expect(isTransientGrpcError(error)).toBe(transient);
  });
});
