import { status } from '@grpc/grpc-js';
import { PermanentFailure, TransientFailure } from '@chasqui/messaging';
import { asMessagingFailure } from './grpc-failure';

const failed = (code: status, details = 'x') => Object.assign(new Error(`${code} ${details}`), { code, details });

describe('a failed call to receivables, as a message handler reports it', () => {
  it.each([
    ['NOT_FOUND (a deleted customer)', status.NOT_FOUND],
    ['INVALID_ARGUMENT', status.INVALID_ARGUMENT],
    ['FAILED_PRECONDITION', status.FAILED_PRECONDITION],
  ])('%s: permanent', (_case, code) => {
    expect(asMessagingFailure(failed(code), 'receivables')).toBeInstanceOf(PermanentFailure);
  });

  it.each([
    ['UNAVAILABLE (down)', status.UNAVAILABLE],
    ['DEADLINE_EXCEEDED (hung)', status.DEADLINE_EXCEEDED],
    ['RESOURCE_EXHAUSTED', status.RESOURCE_EXHAUSTED],
    ['UNAUTHENTICATED (a wrong service token)', status.UNAUTHENTICATED],
  ])('%s: transient, with receivables named as down', (_case, code) => {
    const failure = asMessagingFailure(failed(code), 'receivables');
    expect(failure).toBeInstanceOf(TransientFailure);
    expect((failure as TransientFailure).dependency).toBe('receivables');
  });

  it('leaves INTERNAL to the bounded retries', () => {
    const error = failed(status.INTERNAL);
    expect(asMessagingFailure(error, 'receivables')).toBe(error);
  });

  it('leaves anything that is not a gRPC status alone', () => {
    const error = new Error('boom');
    expect(asMessagingFailure(error, 'receivables')).toBe(error);
  });

  it('says which dependency answered what', () => {
    expect((asMessagingFailure(failed(status.NOT_FOUND, 'customer c-1'), 'receivables') as Error).message).toBe(
      'receivables: customer c-1',
    );
  });
});
