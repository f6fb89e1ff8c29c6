import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { deleteRuleCommand, type DeleteRuleCommand } from './delete-rule.command';
import { DeleteRuleUseCase } from './delete-rule.usecase';

@Controller()
@UseGuards(TenantGuard)
export class DeleteRuleController {
  constructor(private readonly deleteRule: DeleteRuleUseCase) {}

  /** Retires the rule: it decides nothing more, and its occurrences stay as history. */
  @GrpcMethod('SchedulerService', 'DeleteRule')
  async handle(
    @TenantCommand(deleteRuleCommand, 'RULE.INVALID') command: DeleteRuleCommand,
  ): Promise<scheduler.DeleteRuleResponse> {
    await this.deleteRule.execute(command);
    return {};
  }
}
