import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { GetTenantUseCase } from './get-tenant.usecase';

/** The tenant of the caller's key: there is no way to name another. */
@Controller()
export class GetTenantController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getTenant: GetTenantUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'GetTenant')
  async handle(_request: receivables.GetTenantRequest, metadata: Metadata): Promise<receivables.GetTenantResponse> {
    return { tenant: toTenantProto(await this.getTenant.execute(await this.auth.tenantOf(metadata))) };
  }
}
