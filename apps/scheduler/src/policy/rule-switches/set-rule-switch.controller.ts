import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { setRuleSwitchCommand } from './set-rule-switch.command';
import { SetRuleSwitchUseCase } from './set-rule-switch.usecase';

/** One rule on or off for one customer, or back to the rule's own active flag. */
@Controller()
export class SetRuleSwitchController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly setRuleSwitch: SetRuleSwitchUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'SetRuleSwitch')
  async handle(request: scheduler.SetRuleSwitchRequest, metadata: Metadata): Promise<scheduler.SetRuleSwitchResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.setRuleSwitch.execute(
      parseRequest(setRuleSwitchCommand, { ...request, tenantId }, 'RULE_SWITCH.INVALID'),
    );
    return {};
  }
}
