import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { updateRuleCommand } from './update-rule.command';
import { UpdateRuleUseCase } from './update-rule.usecase';

@Controller()
export class UpdateRuleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateRule: UpdateRuleUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'UpdateRule')
  async handle(request: scheduler.UpdateRuleRequest, metadata: Metadata): Promise<scheduler.UpdateRuleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateRuleCommand, { ...request, tenantId }, 'RULE.INVALID');
    return { rule: toRuleProto(await this.updateRule.execute(command)) };
  }
}
