import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { setRuleSwitchCommand, type SetRuleSwitchCommand } from './set-rule-switch.command';
import { SetRuleSwitchUseCase } from './set-rule-switch.usecase';

/** One rule on or off for one customer, or back to the rule's own active flag. */
@Controller()
@UseGuards(TenantGuard)
export class SetRuleSwitchController {
  constructor(private readonly setRuleSwitch: SetRuleSwitchUseCase) {}

  @GrpcMethod('SchedulerService', 'SetRuleSwitch')
  async handle(
    @TenantCommand(setRuleSwitchCommand, 'RULE_SWITCH.INVALID') command: SetRuleSwitchCommand,
  ): Promise<scheduler.SetRuleSwitchResponse> {
    await this.setRuleSwitch.execute(command);
    return {};
  }
}
