import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { RuleRepository } from '../rule.repository';

/** Retires the rule: it decides nothing more, and its occurrences stay as history. */
@Injectable()
export class DeleteRuleUseCase {
  constructor(private readonly rules: RuleRepository) {}

  async execute({ tenantId, ruleId }: { tenantId: string; ruleId: string }): Promise<void> {
    if (!(await this.rules.retire(tenantId, ruleId))) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
  }
}
