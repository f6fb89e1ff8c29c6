import { Exchanges, receivables, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SCHEMA } from '../../database/orm-settings';

/**
 * receivables.customer.changed: the scheduler's own list of customers (name and
 * tax id for exclusions, the count of enrolled), next to the policy it keeps
 * for each. An upsert, so a redelivered event has no second effect.
 */
export function customerChangedConsumer(
  amqp: AmqpConnection,
  log: Log,
  orm: MikroORM,
  settings: ConsumerSettings,
): Consumer<receivables.CustomerChanged> {
  return new Consumer({
    amqp,
    log,
    queue: 'scheduler.customers',
    bindings: [{ exchange: Exchanges.events, routingKey: RoutingKeys.customerChanged }],
    ...settings,
    decode: (body) => receivables.CustomerChanged.decode(body),
    handle: async (event) => {
      if (!event.customer) return;
      await orm.em.fork().execute(
        `insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, legal_name, tax_id, known, deleted)
         values (?, ?, ?, ?, true, ?)
         on conflict (tenant_id, customer_id) do update
           set legal_name = excluded.legal_name, tax_id = excluded.tax_id, known = true,
               deleted = excluded.deleted, updated_at = now()`,
        [event.tenantId, event.customer.id, event.customer.legalName, event.customer.taxId, event.deleted],
      );
    },
  });
}
