import type { RuleDefinition } from '../rule-definition';

export interface CreateRuleCommand {
  tenantId: string;
  definition: RuleDefinition;
}
