import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AdminAuth } from './admin-auth';
import { metadataOf } from './call-metadata';

/** Calls for the operator only (creating tenants, dead letters): the admin token, or UNAUTHENTICATED. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly admin: AdminAuth) {}

  canActivate(context: ExecutionContext): boolean {
    this.admin.require(metadataOf(context));
    return true;
  }
}
