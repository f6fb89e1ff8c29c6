import { Injectable } from '@nestjs/common';
import type { Rule } from '../rule.entity';
import { RuleRepository } from '../rule.repository';

/** The tenant's rules, oldest first; retired ones are history, not rules. */
@Injectable()
export class ListRulesUseCase {
  constructor(private readonly rules: RuleRepository) {}

  execute(tenantId: string): Promise<Rule[]> {
    return this.rules.listActive(tenantId);
  }
}
