import { NotFound } from '@chasqui/errors';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RuleEntity } from '../../rules/rule.entity';
import { CustomerPoliciesRepository } from '../customer-policies.repository';
import { unknownCustomer } from '../unknown-customer';
import type { SetRuleSwitchCommand } from './set-rule-switch.command';

/** One rule on or off for one customer, or back to the rule's own active flag. */
@Injectable()
export class SetRuleSwitchUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute({ tenantId, customerId, ruleId, setting }: SetRuleSwitchCommand): Promise<void> {
    const em = this.orm.em.fork();
    if (!(await em.count(RuleEntity, { id: ruleId, tenantId, deleted: false }))) {
      throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    }
    if (!(await this.policies.setRuleSwitch(em, tenantId, customerId, ruleId, setting))) {
      throw unknownCustomer('customer_id', [customerId]);
    }
  }
}
