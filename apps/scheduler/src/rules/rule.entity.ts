import { EntitySchema } from '@mikro-orm/core';

export type RuleKind = 'overdue';

export interface Rule {
  id: string;
  tenantId: string;
  name: string;
  kind: RuleKind;
  active: boolean;
  /** Local hour in the customer's zone. */
  sendHour: number;
  fromDays: number;
  untilDays: number | null;
  everyDays: number | null;
  createdAt: Date;
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
    sendHour: { type: 'integer' },
    fromDays: { type: 'integer' },
    untilDays: { type: 'integer', nullable: true },
    everyDays: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
