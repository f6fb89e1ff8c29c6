import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';
import type { Audience, RuleSchedule } from './rule.entity';

const days = z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650');
const positiveDays = z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365');
const email = z.email('must be an email address').max(254, 'must be at most 254 characters');
const calendarDate = z.string().refine((value) => {
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && Temporal.PlainDate.from(value, { overflow: 'reject' }).year >= 1900;
  } catch {
    return false;
  }
}, 'must be a calendar date YYYY-MM-DD');

const overdue = z
  .object({ fromDays: days, untilDays: days.nullish(), everyDays: positiveDays.nullish() })
  .refine((s) => s.untilDays == null || s.untilDays >= s.fromDays, {
    path: ['untilDays'],
    message: 'must not be before from_days',
  })
  .transform((s): RuleSchedule => ({
    kind: 'overdue',
    fromDays: s.fromDays,
    ...(s.untilDays != null && { untilDays: s.untilDays }),
    ...(s.everyDays != null && { everyDays: s.everyDays }),
  }));

const statementDocuments = {
  STATEMENT_DOCUMENTS_UNSPECIFIED: 'all_open',
  STATEMENT_DOCUMENTS_ALL_OPEN: 'all_open',
  STATEMENT_DOCUMENTS_OVERDUE_ONLY: 'overdue_only',
} as const;

const statement = z
  .object({
    cadence: z.enum(['weekly', 'monthly', 'interval'], { error: 'one of weekly, monthly or interval is required' }),
    weekly: z
      .object({ weekday: z.number().int().min(1, 'must be 1 (Monday) to 7').max(7, 'must be 1 (Monday) to 7') })
      .nullish(),
    monthly: z.object({ day: z.number().int().min(1, 'must be a day 1-31').max(31, 'must be a day 1-31') }).nullish(),
    interval: z.object({ startDate: calendarDate, everyDays: positiveDays }).nullish(),
    documents: z.enum(Object.keys(statementDocuments) as [keyof typeof statementDocuments], {
      error: 'is not a known scope',
    }),
  })
  .transform((s): RuleSchedule => {
    const documents = statementDocuments[s.documents];
    if (s.cadence === 'weekly')
      return { kind: 'statement', cadence: { every: 'week', weekday: s.weekly!.weekday }, documents };
    if (s.cadence === 'monthly')
      return { kind: 'statement', cadence: { every: 'month', day: s.monthly!.day }, documents };
    return { kind: 'statement', cadence: { every: 'interval', ...s.interval! }, documents };
  });

const schedules = {
  overdue,
  invoiceIssued: z.object({}).transform((): RuleSchedule => ({ kind: 'invoice_issued' })),
  dueSoon: z.object({ daysBefore: days }).transform((s): RuleSchedule => ({ kind: 'due_soon', ...s })),
  statement,
  accountClosing: z
    .object({ daysBeforeLimit: days })
    .transform((s): RuleSchedule => ({ kind: 'account_closing', ...s })),
  accountClosed: z.object({}).transform((): RuleSchedule => ({ kind: 'account_closed' })),
};
type ScheduleField = keyof typeof schedules;
const scheduleFields = Object.keys(schedules) as ScheduleField[];

const groupings = {
  GROUPING_UNSPECIFIED: 'per_invoice',
  GROUPING_PER_INVOICE: 'per_invoice',
  GROUPING_PER_CUSTOMER: 'per_customer',
} as const;

const addresses = z.array(email).max(20, 'at most 20 addresses').default([]);

/**
 * A rule as a client writes it (CreateRule, UpdateRule): the oneof names its
 * schedule, which also says its kind. Nothing is defaulted silently but the
 * send hour (9), the grouping (per invoice) and the statement scope (all open).
 */
export const ruleDefinition = z
  // Loose: the schedule's own message stays on the object, under the name `schedule` gives.
  .looseObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    sendHour: z.number().int().min(0, 'must be an hour 0-23').max(23, 'must be an hour 0-23').nullish(),
    template: z.string().trim().max(100, 'must be at most 100 characters').default(''),
    audience: z
      .object({
        contactRoles: z.array(z.string().trim().min(1).max(50)).max(20, 'at most 20 roles').default([]),
        extraRecipients: addresses,
        cc: addresses,
        bcc: addresses,
      })
      .nullish()
      .transform((a): Audience => a ?? { contactRoles: [], extraRecipients: [], cc: [], bcc: [] }),
    grouping: z
      .enum(Object.keys(groupings) as [keyof typeof groupings], { error: 'is not a known grouping' })
      .default('GROUPING_UNSPECIFIED'),
    businessDaysOnly: z.boolean().default(false),
    active: z.boolean().nullish(),
    /** proto-loader names the oneof member that is set. */
    schedule: z.enum(scheduleFields as [ScheduleField, ...ScheduleField[]], { error: 'a schedule is required' }),
  })
  .transform((d, ctx) => {
    const parsed = schedules[d.schedule].safeParse((d as Record<string, unknown>)[d.schedule]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [d.schedule, ...issue.path] });
      }
      return z.NEVER;
    }
    return {
      name: d.name,
      sendHour: d.sendHour ?? 9,
      template: d.template,
      audience: d.audience,
      grouping: groupings[d.grouping],
      businessDaysOnly: d.businessDaysOnly,
      active: d.active ?? true,
      schedule: parsed.data,
    };
  });

export type RuleDefinition = z.output<typeof ruleDefinition>;
