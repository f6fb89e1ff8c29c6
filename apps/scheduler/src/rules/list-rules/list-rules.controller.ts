import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { ListRulesUseCase } from './list-rules.usecase';

@Controller()
export class ListRulesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listRules: ListRulesUseCase,
  ) {}

  /** The tenant's rules, oldest first; retired ones are history, not rules. */
  @GrpcMethod('SchedulerService', 'ListRules')
  async handle(_request: scheduler.ListRulesRequest, metadata: Metadata): Promise<scheduler.ListRulesResponse> {
    const rules = await this.listRules.execute(await this.auth.tenantOf(metadata));
    return { rules: rules.map(toRuleProto) };
  }
}
