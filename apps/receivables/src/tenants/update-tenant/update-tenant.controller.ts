import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { updateTenantCommand } from './update-tenant.command';
import { UpdateTenantUseCase } from './update-tenant.usecase';

@Controller()
export class UpdateTenantController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateTenant: UpdateTenantUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'UpdateTenant')
  async handle(
    request: receivables.UpdateTenantRequest,
    metadata: Metadata,
  ): Promise<receivables.UpdateTenantResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateTenantCommand, { ...request, tenantId }, 'TENANT.INVALID');
    return { tenant: toTenantProto(await this.updateTenant.execute(command)) };
  }
}
