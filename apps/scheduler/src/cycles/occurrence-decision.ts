import { Temporal } from '@js-temporal/polyfill';
import { receivables } from '@chasqui/contracts';
import { decideStep } from '../calendar/decide-step';
import { stepSeries } from '../calendar/schedule';
import { StepCalendar } from '../calendar/step-calendar';
import type { Rule } from '../rules/rule.entity';

export type OccurrenceStatus = 'queued' | 'missed' | 'skipped';

export interface OccurrenceDecision {
  ruleId: string;
  customerId: string;
  /** The invoice the reminder is about. */
  target: string;
  step: number;
  fireAt: Temporal.Instant;
  localDate: string;
  status: OccurrenceStatus;
  reason: string | null;
}

/** What one rule decides for one collectible invoice at `now`; pure. */
export function decideOccurrence(
  rule: Rule,
  item: receivables.ListCollectiblesResponse,
  now: Temporal.Instant,
  graceHours: number,
): OccurrenceDecision | undefined {
  const series = stepSeries(
    {
      kind: 'overdue',
      fromDays: rule.fromDays,
      untilDays: rule.untilDays ?? undefined,
      everyDays: rule.everyDays ?? undefined,
    },
    Temporal.PlainDate.from(item.dueDate),
  );
  const decision = decideStep(new StepCalendar(series, rule.sendHour, item.timeZone), now, graceHours);
  if (!decision) return undefined;
  const [status, reason]: [OccurrenceStatus, string | null] = decision.missed
    ? ['missed', 'past_grace_period']
    : !item.hasDeliverableContact
      ? ['skipped', 'no_deliverable_contact']
      : ['queued', null];
  return {
    ruleId: rule.id,
    customerId: item.customerId,
    target: item.invoiceId,
    step: decision.step,
    fireAt: decision.fireAt,
    localDate: decision.localDate.toString(),
    status,
    reason,
  };
}
