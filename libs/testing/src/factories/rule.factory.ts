import type { scheduler } from '@chasqui/contracts';

/**
 * A CreateRule request: per invoice, every day of the week, the kind's default
 * template, unless told otherwise; the schedule (overdue, due_soon, …) is the caller's.
 */
export const aRule = (overrides: Partial<scheduler.CreateRuleRequest>): scheduler.CreateRuleRequest => ({
  name: 'regla',
  template: '',
  // A string enum: named by value so that loading this library does not load the contracts.
  grouping: 'GROUPING_PER_INVOICE' as scheduler.Grouping,
  businessDaysOnly: false,
  ...overrides,
});
