import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { updateTenantCommand, type UpdateTenantCommand } from './update-tenant.command';
import { UpdateTenantUseCase } from './update-tenant.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateTenantController {
  constructor(private readonly updateTenant: UpdateTenantUseCase) {}

  @GrpcMethod('ReceivablesService', 'UpdateTenant')
  async handle(
    @TenantCommand(updateTenantCommand, 'TENANT.INVALID') command: UpdateTenantCommand,
  ): Promise<receivables.UpdateTenantResponse> {
    return { tenant: toTenantProto(await this.updateTenant.execute(command)) };
  }
}
