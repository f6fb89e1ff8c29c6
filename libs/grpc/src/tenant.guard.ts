import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { metadataOf } from './call-metadata';
import { TenantAuth } from './tenant-auth';

/**
 * The tenant each call was authenticated as, by the metadata object of the
 * call: only TenantGuard writes here, so no header a client sends can name it.
 */
const tenants = new WeakMap<Metadata, string>();

/**
 * Every call of the controller (or handler) it guards is a tenant's: its API
 * key, or the service identity naming a tenant, resolved before anything
 * else runs; otherwise UNAUTHENTICATED. @Tenant() and @TenantCommand() read
 * the tenant it found.
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(private readonly auth: TenantAuth) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const metadata = metadataOf(context);
    tenants.set(metadata, await this.auth.tenantOf(metadata));
    return true;
  }
}

/** Calls for Chasqui services only (PERMISSION_DENIED for a tenant's key); put it before TenantGuard. */
@Injectable()
export class ServiceOnlyGuard implements CanActivate {
  constructor(private readonly auth: TenantAuth) {}

  canActivate(context: ExecutionContext): boolean {
    this.auth.requireService(metadataOf(context));
    return true;
  }
}

/** The tenant TenantGuard authenticated the call as. */
export function authenticatedTenant(context: ExecutionContext): string {
  const tenantId = tenants.get(metadataOf(context));
  // A handler reading a tenant no guard checked is a wiring fault: fail it rather than trust the call.
  if (tenantId === undefined) throw new Error('no tenant: the handler is not guarded by TenantGuard');
  return tenantId;
}
