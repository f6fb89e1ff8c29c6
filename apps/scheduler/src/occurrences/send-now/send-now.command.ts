import { scheduler } from '@chasqui/contracts';
import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';
import type { Rule } from '../../rules/rule.entity';

const kinds: Record<scheduler.RuleKind, Rule['kind'] | null> = {
  [scheduler.RuleKind.RULE_KIND_UNSPECIFIED]: null,
  [scheduler.RuleKind.RULE_KIND_OVERDUE]: 'overdue',
  [scheduler.RuleKind.RULE_KIND_INVOICE_ISSUED]: 'invoice_issued',
  [scheduler.RuleKind.RULE_KIND_DUE_SOON]: 'due_soon',
  [scheduler.RuleKind.RULE_KIND_STATEMENT]: 'statement',
  [scheduler.RuleKind.RULE_KIND_ACCOUNT_CLOSING]: 'account_closing',
  [scheduler.RuleKind.RULE_KIND_ACCOUNT_CLOSED]: 'account_closed',
};

export const sendNowCommand = z
  .object({
    tenantId: z.string(),
    customerId: policyFields.id,
    ruleId: policyFields.optionalId,
    kind: z
      .union([z.string(), z.number()], 'is not a rule kind')
      .nullish()
      .refine((k) => k == null || (typeof k === 'string' && k in kinds), 'is not a rule kind')
      .transform((k) => (k ? kinds[k as scheduler.RuleKind] : null)),
    invoiceIds: z
      .array(policyFields.id)
      .max(1000, 'at most 1000 invoices')
      .transform((ids) => [...new Set(ids)]),
    requestId: z
      .string()
      .max(100, 'must be at most 100 characters')
      .nullish()
      .transform((key) => key || null),
  })
  .refine((c) => (c.ruleId === null) !== (c.kind === null), {
    path: ['ruleId'],
    message: 'give exactly one of rule_id and kind',
  });

export type SendNowCommand = z.infer<typeof sendNowCommand>;
