import { scheduler } from '@chasqui/contracts';
import { UsageError } from '../cli-errors';
import { definitionOf } from './rule-definition';
import { parseRuleFile } from './rule-file';

const problemsOf = (text: string): string => {
  try {
    parseRuleFile('rule.yaml', text);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('the rule was valid');
};

describe('parseRuleFile', () => {
  it('reads a whole rule as CreateRule takes it', () => {
    const rule = parseRuleFile(
      'rule.yaml',
      `
name: Vencidas cada semana
send_hour: 10
grouping: per_customer
business_days_only: true
active: false
audience:
  contact_roles: [finanzas]
  cc: [cobranza@ferreteria.example]
schedule:
  overdue: { from_days: 1, every_days: 7, until_days: 60 }
`,
    );
    expect(rule).toEqual({
      name: 'Vencidas cada semana',
      sendHour: 10,
      template: '',
      grouping: scheduler.Grouping.GROUPING_PER_CUSTOMER,
      businessDaysOnly: true,
      active: false,
      audience: { contactRoles: ['finanzas'], extraRecipients: [], cc: ['cobranza@ferreteria.example'], bcc: [] },
      overdue: { fromDays: 1, everyDays: 7, untilDays: 60 },
    });
  });

  it('leaves out what the service defaults (send hour, active, audience) and reads empty schedules', () => {
    expect(parseRuleFile('rule.yaml', 'name: Aviso\nschedule:\n  invoice_issued:\n')).toEqual({
      name: 'Aviso',
      sendHour: undefined,
      template: '',
      grouping: scheduler.Grouping.GROUPING_UNSPECIFIED,
      businessDaysOnly: false,
      active: undefined,
      audience: undefined,
      invoiceIssued: {},
    });
  });

  it('reads a statement with its cadence and documents', () => {
    const rule = parseRuleFile(
      'rule.yaml',
      'name: Estado quincenal\nschedule:\n  statement:\n    interval: { start_date: 2026-01-01, every_days: 15 }\n    documents: overdue_only\n',
    );
    expect(rule.statement).toEqual({
      interval: { startDate: '2026-01-01', everyDays: 15 },
      weekly: undefined,
      monthly: undefined,
      documents: scheduler.StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY,
    });
  });

  it('names every bad field by its path, all at once', () => {
    expect(
      problemsOf(`
send_hour: 25
grouping: per_week
sendhour: 9
audience:
  contact_roles: finanzas
schedule:
  overdue: { from_days: uno, every_day: 7 }
`),
    ).toBe(
      [
        'rule.yaml: the rule is not valid:',
        '  sendhour: unknown field (known: name, send_hour, template, grouping, business_days_only, active, audience, schedule)',
        '  grouping: must be one of per_invoice, per_customer',
        '  name: is required',
        '  send_hour: must be at most 23',
        '  audience.contact_roles: must be a list of text',
        '  schedule.overdue.every_day: unknown field (known: from_days, until_days, every_days)',
        '  schedule.overdue.from_days: must be a whole number',
      ].join('\n'),
    );
  });

  it('wants exactly one schedule, and a statement exactly one cadence', () => {
    expect(problemsOf('name: x\n')).toContain('schedule: is required: one of overdue, due_soon');
    expect(problemsOf('name: x\nschedule: { due_soon: { days_before: 3 }, invoice_issued: {} }\n')).toContain(
      'schedule: must name exactly one of overdue, due_soon, invoice_issued, statement, account_closing, account_closed (got 2)',
    );
    expect(problemsOf('name: x\nschedule: { statement: { documents: all_open } }\n')).toContain(
      'schedule.statement: needs exactly one cadence: weekly, monthly or interval (got 0)',
    );
  });

  it('refuses what is not YAML or not a mapping', () => {
    expect(problemsOf('name: [unclosed\n')).toMatch(/^rule\.yaml: not valid YAML/);
    expect(problemsOf('- a\n- b\n')).toContain('the file must hold a mapping');
  });
});

describe('definitionOf', () => {
  it('is the rule as UpdateRule takes it back', () => {
    const rule: scheduler.Rule = {
      id: 'r-1',
      name: 'Vencidas',
      kind: scheduler.RuleKind.RULE_KIND_OVERDUE,
      active: true,
      sendHour: 9,
      template: 't-1',
      audience: { contactRoles: ['finanzas'], extraRecipients: [], cc: [], bcc: [] },
      grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
      businessDaysOnly: true,
      overdue: { fromDays: 1, everyDays: 7 },
    };
    const definition = definitionOf(rule);
    expect(definition).toMatchObject({
      name: 'Vencidas',
      sendHour: 9,
      template: 't-1',
      active: true,
      businessDaysOnly: true,
    });
    expect(scheduler.CreateRuleRequest.decode(scheduler.CreateRuleRequest.encode(definition).finish())).toEqual(
      scheduler.CreateRuleRequest.decode(
        scheduler.CreateRuleRequest.encode({
          name: 'Vencidas',
          sendHour: 9,
          template: 't-1',
          audience: rule.audience,
          grouping: rule.grouping,
          businessDaysOnly: true,
          active: true,
          overdue: { fromDays: 1, everyDays: 7 },
        }).finish(),
      ),
    );
  });
});
