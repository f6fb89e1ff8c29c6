import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { googleRpc, RpcStatus } from '@chasqui/contracts';
import { CallFailed, describeCallError } from './call-error';

function serviceError(code: status, details: string, violations: { field: string; description: string }[] = []) {
  const metadata = new Metadata();
  if (violations.length > 0) {
    const badRequest = googleRpc.BadRequest.encode({
      fieldViolations: violations.map((v) => ({ ...v, reason: '' })),
    }).finish();
    const rpcStatus = RpcStatus.encode({
      code,
      message: details,
      details: [{ typeUrl: 'type.googleapis.com/google.rpc.BadRequest', value: badRequest }],
    }).finish();
    metadata.set('grpc-status-details-bin', Buffer.from(rpcStatus));
  }
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata }) as ServiceError;
}

describe('describeCallError', () => {
  it('is one line: the service, the code by name and the message', () => {
    expect(describeCallError(new CallFailed('scheduler', serviceError(status.NOT_FOUND, 'no rule r-1')))).toBe(
      'scheduler: NOT_FOUND: no rule r-1',
    );
  });

  it('lists the field violations under it', () => {
    const error = serviceError(status.INVALID_ARGUMENT, 'the request is not valid', [
      { field: 'time_zone', description: 'must be an IANA time zone' },
      { field: 'locale', description: 'must be a BCP 47 tag' },
    ]);
    expect(describeCallError(new CallFailed('receivables', error))).toBe(
      'receivables: INVALID_ARGUMENT: the request is not valid\n  time_zone: must be an IANA time zone\n  locale: must be a BCP 47 tag',
    );
  });
});
