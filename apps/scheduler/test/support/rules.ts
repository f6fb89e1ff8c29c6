import { scheduler } from '@chasqui/contracts';

/** A CreateRule request: per invoice, every day of the week, the kind's default template, unless told otherwise. */
export const ruleRequest = (request: Partial<scheduler.CreateRuleRequest>): scheduler.CreateRuleRequest => ({
  name: 'regla',
  template: '',
  grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
  businessDaysOnly: false,
  ...request,
});
