import { z } from 'zod';
import { policyFields } from '../policy-fields';

/** The wire setting → on (true), off (false) or back to the rule's own active flag (null). */
export const RULE_SWITCH_SETTINGS = {
  RULE_SWITCH_DEFAULT: null,
  RULE_SWITCH_ON: true,
  RULE_SWITCH_OFF: false,
} as const;

export const setRuleSwitchCommand = z.object({
  tenantId: z.string(),
  customerId: policyFields.id,
  ruleId: policyFields.id,
  setting: z
    .enum(Object.keys(RULE_SWITCH_SETTINGS) as [keyof typeof RULE_SWITCH_SETTINGS], {
      error: 'must be DEFAULT, ON or OFF',
    })
    .transform((setting) => RULE_SWITCH_SETTINGS[setting]),
});

export type SetRuleSwitchCommand = z.infer<typeof setRuleSwitchCommand>;
