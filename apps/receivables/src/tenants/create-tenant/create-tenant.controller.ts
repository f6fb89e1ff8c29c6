import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { AdminAuth, parseRequest } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTenantProto } from '../../grpc/to-proto';
import { createTenantCommand } from './create-tenant.command';
import { CreateTenantUseCase } from './create-tenant.usecase';

@Controller()
export class CreateTenantController {
  constructor(
    private readonly admin: AdminAuth,
    private readonly createTenant: CreateTenantUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'CreateTenant')
  async handle(
    request: receivables.CreateTenantRequest,
    metadata: Metadata,
  ): Promise<receivables.CreateTenantResponse> {
    this.admin.require(metadata);
    const { tenant, apiKey } = await this.createTenant.execute(
      parseRequest(createTenantCommand, request, 'TENANT.INVALID'),
    );
    return { tenant: toTenantProto(tenant), apiKey };
  }
}
