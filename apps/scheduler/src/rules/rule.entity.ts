import { EntitySchema } from '@mikro-orm/core';

export type RuleKind = RuleSchedule['kind'];

export type StatementCadence =
  | { every: 'week'; weekday: number }
  | { every: 'month'; day: number }
  | { every: 'interval'; startDate: string; everyDays: number };

/** When a rule fires, by kind (ARCHITECTURE §5); stored as JSON beside the rule. */
export type RuleSchedule =
  | { kind: 'overdue'; fromDays: number; untilDays?: number; everyDays?: number }
  | { kind: 'invoice_issued' }
  | { kind: 'due_soon'; daysBefore: number }
  | { kind: 'statement'; cadence: StatementCadence; documents: 'all_open' | 'overdue_only' }
  | { kind: 'account_closing'; daysBeforeLimit: number }
  | { kind: 'account_closed' };

export interface Audience {
  /** Contacts with these roles; none: every contact that receives reminders. */
  contactRoles: string[];
  extraRecipients: string[];
  cc: string[];
  bcc: string[];
}

export interface Rule {
  id: string;
  tenantId: string;
  name: string;
  kind: RuleKind;
  active: boolean;
  /** Retired by DeleteRule: kept for its occurrences' history, never run again. */
  deleted: boolean;
  /** Local hour in the customer's zone. */
  sendHour: number;
  /** The renderer's template; '' for the kind's default. */
  template: string;
  audience: Audience;
  grouping: 'per_invoice' | 'per_customer';
  businessDaysOnly: boolean;
  schedule: RuleSchedule;
  /** Every step that fired by this instant has been decided (a completed cycle); null: none yet. */
  decidedThrough: Date | null;
  /** The instant of the rule's first completed cycle; null: none yet. */
  startedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const RuleEntity = new EntitySchema<Rule>({
  name: 'Rule',
  tableName: 'rules',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    name: { type: 'string' },
    kind: { type: 'string' },
    active: { type: 'boolean' },
    deleted: { type: 'boolean' },
    sendHour: { type: 'integer' },
    template: { type: 'string' },
    audience: { type: 'json' },
    grouping: { type: 'string' },
    businessDaysOnly: { type: 'boolean' },
    schedule: { type: 'json' },
    decidedThrough: { type: 'datetime', nullable: true },
    startedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
