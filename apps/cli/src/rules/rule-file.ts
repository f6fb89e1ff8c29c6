import { scheduler } from '@chasqui/contracts';
import { parse } from 'yaml';
import { UsageError } from '../cli-errors';
import { YamlFields } from './yaml-fields';

const RULE_FIELDS = [
  'name',
  'send_hour',
  'template',
  'grouping',
  'business_days_only',
  'active',
  'audience',
  'schedule',
] as const;
const SCHEDULES = ['overdue', 'due_soon', 'invoice_issued', 'statement', 'account_closing', 'account_closed'] as const;

const GROUPINGS = {
  per_invoice: scheduler.Grouping.GROUPING_PER_INVOICE,
  per_customer: scheduler.Grouping.GROUPING_PER_CUSTOMER,
};
const DOCUMENTS = {
  all_open: scheduler.StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN,
  overdue_only: scheduler.StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY,
};

/**
 * A rule file (YAML) as CreateRule takes it. Every problem is named by its
 * field's path; all of them are reported at once, as a usage error.
 */
export function parseRuleFile(file: string, text: string): scheduler.CreateRuleRequest {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const rule = readRule(data, problems);
  if (problems.length > 0 || !rule) {
    throw new UsageError(`${file}: the rule is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return rule;
}

function readRule(data: unknown, problems: string[]): scheduler.CreateRuleRequest | undefined {
  const root = YamlFields.root(data, problems, RULE_FIELDS);
  if (!root) return undefined;
  const grouping = root.oneOf('grouping', Object.keys(GROUPINGS) as (keyof typeof GROUPINGS)[]);
  const audience = root.mapping('audience', ['contact_roles', 'extra_recipients', 'cc', 'bcc']);
  const rule: scheduler.CreateRuleRequest = {
    name: root.string('name', true) ?? '',
    sendHour: root.integer('send_hour', { min: 0, max: 23 }),
    template: root.string('template') ?? '',
    grouping: grouping ? GROUPINGS[grouping] : scheduler.Grouping.GROUPING_UNSPECIFIED,
    businessDaysOnly: root.boolean('business_days_only') ?? false,
    active: root.boolean('active'),
    audience: audience && {
      contactRoles: audience.strings('contact_roles'),
      extraRecipients: audience.strings('extra_recipients'),
      cc: audience.strings('cc'),
      bcc: audience.strings('bcc'),
    },
  };
  const schedule = root.has('schedule') ? root.mapping('schedule', SCHEDULES) : undefined;
  if (!root.has('schedule')) root.problem('schedule', `is required: one of ${SCHEDULES.join(', ')}`);
  if (!schedule) return rule;
  const given = schedule.keys().filter((key) => (SCHEDULES as readonly string[]).includes(key));
  if (given.length !== 1) {
    root.problem('schedule', `must name exactly one of ${SCHEDULES.join(', ')} (got ${given.length})`);
    return rule;
  }
  return { ...rule, ...readSchedule(schedule, given[0] as (typeof SCHEDULES)[number]) };
}

function readSchedule(schedule: YamlFields, kind: (typeof SCHEDULES)[number]): Partial<scheduler.CreateRuleRequest> {
  switch (kind) {
    case 'overdue': {
      const s = schedule.mapping(kind, ['from_days', 'until_days', 'every_days']);
      return s
        ? {
            overdue: {
              fromDays: s.integer('from_days', { required: true }) ?? 0,
              untilDays: s.integer('until_days'),
              everyDays: s.integer('every_days', { min: 1 }),
            },
          }
        : {};
    }
    case 'due_soon': {
      const s = schedule.mapping(kind, ['days_before']);
      return s ? { dueSoon: { daysBefore: s.integer('days_before', { min: 0, required: true }) ?? 0 } } : {};
    }
    case 'invoice_issued':
      return schedule.mapping(kind, []) ? { invoiceIssued: {} } : {};
    case 'statement':
      return readStatement(schedule);
    case 'account_closing': {
      const s = schedule.mapping(kind, ['days_before_limit']);
      return s
        ? { accountClosing: { daysBeforeLimit: s.integer('days_before_limit', { min: 0, required: true }) ?? 0 } }
        : {};
    }
    case 'account_closed':
      return schedule.mapping(kind, []) ? { accountClosed: {} } : {};
  }
}

function readStatement(schedule: YamlFields): Partial<scheduler.CreateRuleRequest> {
  const s = schedule.mapping('statement', ['weekly', 'monthly', 'interval', 'documents']);
  if (!s) return {};
  const documents = s.oneOf('documents', Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]);
  const cadences = ['weekly', 'monthly', 'interval'].filter((key) => s.has(key));
  if (cadences.length !== 1) {
    s.mappingProblem(`needs exactly one cadence: weekly, monthly or interval (got ${cadences.length})`);
    return {};
  }
  const weekly = s.mapping('weekly', ['weekday']);
  const monthly = s.mapping('monthly', ['day']);
  const interval = s.mapping('interval', ['start_date', 'every_days']);
  return {
    statement: {
      weekly: weekly && { weekday: weekly.integer('weekday', { min: 1, max: 7, required: true }) ?? 0 },
      monthly: monthly && { day: monthly.integer('day', { min: 1, max: 31, required: true }) ?? 0 },
      interval: interval && {
        startDate: interval.string('start_date', true) ?? '',
        everyDays: interval.integer('every_days', { min: 1, required: true }) ?? 0,
      },
      documents: documents ? DOCUMENTS[documents] : scheduler.StatementDocuments.STATEMENT_DOCUMENTS_UNSPECIFIED,
    },
  };
}
