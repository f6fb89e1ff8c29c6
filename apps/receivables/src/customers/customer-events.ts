import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { enqueue } from '@chasqui/messaging';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import { toCustomerProto } from '../grpc/to-proto';
import type { Contact } from './contact.entity';
import type { Customer } from './customer.entity';

/** customer.changed, in the transaction of the change. */
export function announceCustomer(
  em: EntityManager,
  customer: Customer,
  contacts: Contact[],
  deleted = false,
): Promise<void> {
  return enqueue(em, SCHEMA, {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.customerChanged,
    type: MessageTypes.customerChanged,
    body: receivables.CustomerChanged.encode({
      tenantId: customer.tenantId,
      customer: toCustomerProto(customer, contacts),
      deleted,
    }).finish(),
    tenantId: customer.tenantId,
    idempotencyKey: `customer.changed:${customer.id}:${randomUUID()}`,
  });
}
