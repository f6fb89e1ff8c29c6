import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { NotFound, parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { RuleEntity } from '../../rules/rule.entity';
import { policyFields } from '../policy-fields';

const settings = {
  RULE_SWITCH_DEFAULT: null,
  RULE_SWITCH_ON: true,
  RULE_SWITCH_OFF: false,
} as const;

const setRuleSwitchCommand = z.object({
  tenantId: z.string(),
  customerId: policyFields.id,
  ruleId: policyFields.id,
  setting: z.enum(Object.keys(settings) as [keyof typeof settings], { error: 'must be DEFAULT, ON or OFF' }),
});

/** One rule on or off for one customer, or back to the rule's own active flag. */
@Controller()
export class SetRuleSwitchController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  @GrpcMethod('SchedulerService', 'SetRuleSwitch')
  async handle(request: scheduler.SetRuleSwitchRequest, metadata: Metadata): Promise<scheduler.SetRuleSwitchResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(setRuleSwitchCommand, { ...request, tenantId }, 'RULE_SWITCH.INVALID');
    const em = this.orm.em.fork();
    if (!(await em.count(RuleEntity, { id: command.ruleId, tenantId, deleted: false }))) {
      throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    }
    const on = settings[command.setting];
    await em.execute(
      `insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, rule_switches)
       values (?, ?, case when ?::boolean is null then '{}'::jsonb else jsonb_build_object(?::text, ?::boolean) end)
       on conflict (tenant_id, customer_id) do update
         set rule_switches = case when ?::boolean is null
                                  then ${SCHEMA}.customer_policies.rule_switches - ?::text
                                  else ${SCHEMA}.customer_policies.rule_switches || jsonb_build_object(?::text, ?::boolean) end,
             updated_at = now()`,
      [tenantId, command.customerId, on, command.ruleId, on, on, command.ruleId, command.ruleId, on],
    );
    return {};
  }
}
