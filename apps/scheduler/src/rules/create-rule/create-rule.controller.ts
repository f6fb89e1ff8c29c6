import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { ruleDefinition } from '../rule-definition';
import { CreateRuleUseCase } from './create-rule.usecase';

@Controller()
export class CreateRuleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly createRule: CreateRuleUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'CreateRule')
  async handle(request: scheduler.CreateRuleRequest, metadata: Metadata): Promise<scheduler.CreateRuleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const definition = parseRequest(ruleDefinition, request, 'RULE.INVALID');
    return { rule: toRuleProto(await this.createRule.execute({ tenantId, definition })) };
  }
}
