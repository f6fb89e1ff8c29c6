import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { updateRuleCommand, type UpdateRuleCommand } from './update-rule.command';
import { UpdateRuleUseCase } from './update-rule.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateRuleController {
  constructor(private readonly updateRule: UpdateRuleUseCase) {}

  @GrpcMethod('SchedulerService', 'UpdateRule')
  async handle(
    @TenantCommand(updateRuleCommand, 'RULE.INVALID') command: UpdateRuleCommand,
  ): Promise<scheduler.UpdateRuleResponse> {
    return { rule: toRuleProto(await this.updateRule.execute(command)) };
  }
}
