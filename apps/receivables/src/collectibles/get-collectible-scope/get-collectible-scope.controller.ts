import { receivables } from '@chasqui/contracts';
import { ServiceOnlyGuard, Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { GetCollectibleScopeUseCase } from './get-collectible-scope.usecase';

/** For the scheduler, acting for a tenant. */
@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
export class GetCollectibleScopeController {
  constructor(private readonly getScope: GetCollectibleScopeUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetCollectibleScope')
  handle(@Tenant() tenantId: string): Promise<receivables.GetCollectibleScopeResponse> {
    return this.getScope.execute(tenantId);
  }
}
