import { Temporal } from '@js-temporal/polyfill';
import { asMessagingFailure } from '@chasqui/grpc';
import { Exchanges, receivables, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { RunCycleUseCase } from '../run-cycle/run-cycle.usecase';

interface Issued {
  tenantId: string;
  invoiceIds: string[];
}

/**
 * receivables.invoice.issued and receivables.invoices.issued (a batch of an
 * import): the tenant's issue-notice rules decide for those invoices at
 * once, without waiting for the next tick. Idempotent by the step claims: a
 * redelivered event, or the tick deciding the same step, claims nothing
 * more. A notice whose send hour has not come yet is left to the tick.
 */
export function invoiceIssuedConsumers(
  amqp: AmqpConnection,
  log: Log,
  runCycle: RunCycleUseCase,
  settings: ConsumerSettings,
): Consumer<Issued>[] {
  const consumer = (queue: string, routingKey: string, decode: (body: Buffer) => Issued) =>
    new Consumer<Issued>({
      amqp,
      log,
      queue,
      bindings: [{ exchange: Exchanges.events, routingKey }],
      ...settings,
      decode,
      handle: async ({ tenantId, invoiceIds }) => {
        if (invoiceIds.length === 0) return;
        // The ledger is read from receivables: its being down holds the event, a refusal dead-letters it.
        await runCycle
          .execute({ tenantId, asOf: Temporal.Now.instant(), issued: invoiceIds })
          .catch((error: unknown) => Promise.reject(asMessagingFailure(error, 'receivables')));
      },
    });
  return [
    consumer('scheduler.invoice-issued', RoutingKeys.invoiceIssued, (body) => {
      const event = receivables.InvoiceIssued.decode(body);
      return { tenantId: event.tenantId, invoiceIds: event.invoice ? [event.invoice.id] : [] };
    }),
    consumer('scheduler.invoices-issued', RoutingKeys.invoicesIssued, (body) => {
      const event = receivables.InvoicesIssued.decode(body);
      return { tenantId: event.tenantId, invoiceIds: event.invoices.map((invoice) => invoice.id) };
    }),
  ];
}
