import { scheduler } from '@chasqui/contracts';
import type { Rule } from '../rules/rule.entity';

export function toRuleProto(rule: Rule): scheduler.Rule {
  return {
    id: rule.id,
    name: rule.name,
    kind: scheduler.RuleKind.RULE_KIND_OVERDUE,
    active: rule.active,
    sendHour: rule.sendHour,
    overdue: {
      fromDays: rule.fromDays,
      untilDays: rule.untilDays ?? undefined,
      everyDays: rule.everyDays ?? undefined,
    },
  };
}
