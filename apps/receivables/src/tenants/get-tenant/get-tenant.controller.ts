import { receivables } from '@chasqui/contracts';
import { Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { GetTenantUseCase } from './get-tenant.usecase';

/** The tenant of the caller's key: there is no way to name another. */
@Controller()
@UseGuards(TenantGuard)
export class GetTenantController {
  constructor(private readonly getTenant: GetTenantUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetTenant')
  async handle(@Tenant() tenantId: string): Promise<receivables.GetTenantResponse> {
    return { tenant: toTenantProto(await this.getTenant.execute(tenantId)) };
  }
}
