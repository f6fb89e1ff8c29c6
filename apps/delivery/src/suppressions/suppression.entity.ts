import { EntitySchema } from '@mikro-orm/core';

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'unsubscribe';

/** An address of a tenant's that is never sent to again, until an operator lifts it. */
export interface Suppression {
  tenantId: string;
  /** Lower-cased. */
  address: string;
  reason: SuppressionReason;
  detail: string;
  /** messages.id of the message that caused it. */
  messageId: string | null;
  createdAt: Date;
}

export const SuppressionEntity = new EntitySchema<Suppression>({
  name: 'Suppression',
  tableName: 'suppressions',
  properties: {
    tenantId: { type: 'uuid', primary: true },
    address: { type: 'string', primary: true },
    reason: { type: 'string' },
    detail: { type: 'text' },
    messageId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
