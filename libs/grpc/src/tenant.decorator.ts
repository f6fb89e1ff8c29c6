import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { ParseRequestPipe } from './parse-request.pipe';
import { authenticatedTenant } from './tenant.guard';

/** The id of the tenant the call was authenticated as (the handler is guarded by TenantGuard). */
export const Tenant = createParamDecorator((_data: unknown, context: ExecutionContext) => authenticatedTenant(context));

/** The request with the caller's tenant id beside its fields: what a tenant's command schema reads. */
const TenantRequest = createParamDecorator((_data: unknown, context: ExecutionContext) => ({
  ...(context.switchToRpc().getData() as object),
  tenantId: authenticatedTenant(context),
}));

/**
 * The handler's command: the request and the caller's tenant, validated by
 * `schema`; a bad field fails the call with INVALID_ARGUMENT naming it
 * (google.rpc.BadRequest), under `code` (e.g. RULE.INVALID).
 */
export const TenantCommand = <S extends z.ZodType>(schema: S, code: string): ParameterDecorator =>
  TenantRequest(new ParseRequestPipe(schema, code));

/** The request alone, validated by `schema` (calls that belong to no tenant, e.g. CreateTenant). */
export const RequestCommand = <S extends z.ZodType>(schema: S, code: string): ParameterDecorator =>
  Payload(new ParseRequestPipe(schema, code));
