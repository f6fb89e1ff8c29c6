import { Exchanges, receivables, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { RecordCustomerUseCase } from './record-customer.usecase';

/**
 * receivables.customer.changed: the scheduler's own list of customers (name and
 * tax id for exclusions, the count of enrolled), next to the policy it keeps
 * for each. An upsert, so a redelivered event has no second effect.
 */
export function customerChangedConsumer(
  amqp: AmqpConnection,
  log: Log,
  recordCustomer: RecordCustomerUseCase,
  settings: ConsumerSettings,
): Consumer<receivables.CustomerChanged> {
  return new Consumer({
    amqp,
    log,
    queue: 'scheduler.customers',
    bindings: [{ exchange: Exchanges.events, routingKey: RoutingKeys.customerChanged }],
    ...settings,
    decode: (body) => receivables.CustomerChanged.decode(body),
    handle: async ({ tenantId, customer, deleted }) => {
      if (customer) await recordCustomer.execute({ tenantId, customer, deleted });
    },
  });
}
