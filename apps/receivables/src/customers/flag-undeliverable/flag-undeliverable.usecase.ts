import { delivery } from '@chasqui/contracts';
import { claimOnce, OutboxRelay, type MessageMeta } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { ContactEntity } from '../contact.entity';
import { announceCustomer } from '../customer-events';
import { CustomerEntity } from '../customer.entity';

const CONSUMER = 'receivables.bounces';

/**
 * A hard bounce makes the customer's contact with that address undeliverable,
 * with the server's diagnostic as the reason; soft bounces change nothing.
 * Idempotent through the inbox: a redelivered bounce has no second effect.
 */
@Injectable()
export class FlagUndeliverableUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(bounce: delivery.MessageBounced, meta: MessageMeta): Promise<void> {
    if (!bounce.permanent) return;
    const changed = await this.orm.em.fork().transactional(async (em) => {
      if (!(await claimOnce(em, SCHEMA, CONSUMER, meta.messageId))) return false;
      const customer = await em.findOne(CustomerEntity, { id: bounce.customerId, tenantId: bounce.tenantId });
      if (!customer) return false;
      const contacts = await em.find(ContactEntity, { customerId: customer.id }, { orderBy: { name: 'asc' } });
      const hit = contacts.filter((c) => c.email.toLowerCase() === bounce.recipient.toLowerCase() && !c.undeliverable);
      for (const contact of hit) {
        contact.undeliverable = true;
        contact.undeliverableReason = bounce.diagnostic.slice(0, 500);
      }
      if (hit.length === 0) return false;
      await em.flush();
      await announceCustomer(em, customer, contacts);
      return true;
    });
    if (changed) this.outbox.nudge();
  }
}
