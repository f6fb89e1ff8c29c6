import { receivables } from '@chasqui/contracts';
import { AdminGuard, RequestCommand } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { createTenantCommand, type CreateTenantCommand } from './create-tenant.command';
import { CreateTenantUseCase } from './create-tenant.usecase';

/** The operator's call (the admin token): a tenant and its API key, shown once. */
@Controller()
@UseGuards(AdminGuard)
export class CreateTenantController {
  constructor(private readonly createTenant: CreateTenantUseCase) {}

  @GrpcMethod('ReceivablesService', 'CreateTenant')
  async handle(
    @RequestCommand(createTenantCommand, 'TENANT.INVALID') command: CreateTenantCommand,
  ): Promise<receivables.CreateTenantResponse> {
    const { tenant, apiKey } = await this.createTenant.execute(command);
    return { tenant: toTenantProto(tenant), apiKey };
  }
}
