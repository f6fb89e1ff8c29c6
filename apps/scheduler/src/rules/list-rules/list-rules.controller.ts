import { scheduler } from '@chasqui/contracts';
import { Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { ListRulesUseCase } from './list-rules.usecase';

@Controller()
@UseGuards(TenantGuard)
export class ListRulesController {
  constructor(private readonly listRules: ListRulesUseCase) {}

  /** The tenant's rules, oldest first; retired ones are history, not rules. */
  @GrpcMethod('SchedulerService', 'ListRules')
  async handle(@Tenant() tenantId: string): Promise<scheduler.ListRulesResponse> {
    return { rules: (await this.listRules.execute(tenantId)).map(toRuleProto) };
  }
}
