import { scheduler } from '@chasqui/contracts';
import { RequestCommand, Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { ruleDefinition, type RuleDefinition } from '../rule-definition';
import { CreateRuleUseCase } from './create-rule.usecase';

@Controller()
@UseGuards(TenantGuard)
export class CreateRuleController {
  constructor(private readonly createRule: CreateRuleUseCase) {}

  @GrpcMethod('SchedulerService', 'CreateRule')
  async handle(
    @Tenant() tenantId: string,
    @RequestCommand(ruleDefinition, 'RULE.INVALID') definition: RuleDefinition,
  ): Promise<scheduler.CreateRuleResponse> {
    return { rule: toRuleProto(await this.createRule.execute({ tenantId, definition })) };
  }
}
