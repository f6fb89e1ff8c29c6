import { status, type Metadata } from '@grpc/grpc-js';
import { rpcError } from './rpc-error';
import { timingSafeEqual } from 'node:crypto';

export const ADMIN_TOKEN_HEADER = 'x-admin-token';

/** The operator's credential: creating tenants, dead letters. */
export class AdminAuth {
  constructor(private readonly adminToken: string) {}

  require(metadata: Metadata): void {
    const given = metadata.get(ADMIN_TOKEN_HEADER)[0];
    if (typeof given !== 'string') throw rpcError(status.UNAUTHENTICATED, `metadata ${ADMIN_TOKEN_HEADER} is missing`);
    const a = Buffer.from(given);
    const b = Buffer.from(this.adminToken);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw rpcError(status.UNAUTHENTICATED, 'the admin token is not valid');
    }
  }
}
