import { status, type Metadata } from '@grpc/grpc-js';
import { rpcError } from '@chasqui/grpc';
import { timingSafeEqual } from 'node:crypto';

export const ADMIN_TOKEN_HEADER = 'x-admin-token';

/** The operator's credential, needed to create tenants. */
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
