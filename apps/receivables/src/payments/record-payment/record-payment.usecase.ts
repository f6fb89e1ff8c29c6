import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { AlreadyExists, InvalidArgument, NotFound } from '@chasqui/grpc';
import { enqueue, OutboxRelay } from '@chasqui/messaging';
import { isUniqueViolation } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CustomerEntity } from '../../customers/customer.entity';
import { SCHEMA } from '../../database/orm-settings';
import { reduceBalance } from '../../invoices/balance';
import type { Invoice } from '../../invoices/invoice.entity';
import { announceBalanceChanges, lockInvoices } from '../../invoices/invoice-ledger';
import { TenantEntity } from '../../tenants/tenant.entity';
import { findPayment, type PaymentView } from '../payment.queries';
import type { RecordPaymentCommand } from './record-payment.command';

export interface RecordedPayment {
  payment: PaymentView;
  invoices: Invoice[];
  /** The same payment was recorded before: nothing changed. */
  replay: boolean;
}

/**
 * Records a payment and applies it to invoices, all in one transaction: the
 * balances, the allocations and the events move together or not at all.
 * Idempotent by the ERP's external id: the same payment twice has one effect.
 */
@Injectable()
export class RecordPaymentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: RecordPaymentCommand): Promise<RecordedPayment> {
    try {
      return await this.record(command);
    } catch (error) {
      // A concurrent request with the same external id won the race: answer as a replay.
      if (!isUniqueViolation(error)) throw error;
      return this.record(command);
    }
  }

  private async record(command: RecordPaymentCommand): Promise<RecordedPayment> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      const existing = await findPayment(em, command.tenantId, command.externalId);
      if (existing) return { replay: true, ...(await this.replay(em, existing, command)) };
      const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
      if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
      const tenant = await em.findOneOrFail(TenantEntity, { id: command.tenantId });
      const invoices = await lockInvoices(
        em,
        command.tenantId,
        command.allocations.map((a) => a.invoiceId),
      );
      const changes = command.allocations.map((allocation, i) => {
        const field = `allocations[${i}]`;
        const invoice = invoices.get(allocation.invoiceId);
        if (!invoice) throw new NotFound('INVOICE.NOT_FOUND', `${field}.invoice_id`, 'no such invoice');
        if (invoice.customerId !== command.customerId) {
          throw invalid(`${field}.invoice_id`, 'belongs to another customer');
        }
        if (invoice.currency !== command.currency) {
          throw invalid(`${field}.invoice_id`, `is in ${invoice.currency}, the payment in ${command.currency}`);
        }
        const reduced = reduceBalance(invoice, 'paid', BigInt(allocation.amountMinor));
        if (!reduced.ok) throw invalid(`${field}.amount_minor`, reduced.reason);
        const balanceBefore = invoice.balanceMinor;
        Object.assign(invoice, reduced.amounts);
        return { invoice, balanceBefore };
      });
      const payment = await insertPayment(em, command);
      await em.flush();
      await enqueue(em, SCHEMA, {
        exchange: Exchanges.events,
        routingKey: RoutingKeys.paymentRecorded,
        type: MessageTypes.paymentRecorded,
        body: receivables.PaymentRecorded.encode({
          tenantId: command.tenantId,
          payment: toPaymentProto(payment),
        }).finish(),
        tenantId: command.tenantId,
        idempotencyKey: `payment.recorded:${payment.id}`,
      });
      await announceBalanceChanges(em, command.tenantId, changes, tenant.centsToleranceMinor);
      return { replay: false, payment, invoices: changes.map((c) => c.invoice) };
    });
    if (!result.replay) this.outbox.nudge();
    return result;
  }

  /** The same external id again: the same payment is a replay; a different one is a conflict. */
  private async replay(em: EntityManager, existing: PaymentView, command: RecordPaymentCommand) {
    const same =
      existing.customerId === command.customerId &&
      existing.currency === command.currency &&
      existing.amountMinor === command.amountMinor &&
      existing.date === command.date &&
      sameAllocations(existing.allocations, command.allocations);
    if (!same) {
      throw new AlreadyExists('PAYMENT.EXTERNAL_ID_TAKEN', 'external_id', 'a different payment has this external id');
    }
    const invoices = await lockInvoices(
      em,
      command.tenantId,
      command.allocations.map((a) => a.invoiceId),
    );
    return { payment: existing, invoices: [...invoices.values()] };
  }
}

function invalid(field: string, description: string): InvalidArgument {
  return new InvalidArgument('PAYMENT.INVALID', [{ field, description }]);
}

function sameAllocations(
  a: { invoiceId: string; amountMinor: string }[],
  b: { invoiceId: string; amountMinor: string }[],
) {
  const key = (list: typeof a) =>
    list
      .map((x) => `${x.invoiceId}:${x.amountMinor}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

async function insertPayment(em: EntityManager, command: RecordPaymentCommand): Promise<PaymentView> {
  const allocated = command.allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n);
  const payment: PaymentView = {
    id: randomUUID(),
    externalId: command.externalId,
    customerId: command.customerId,
    date: command.date,
    currency: command.currency,
    amountMinor: command.amountMinor,
    unappliedMinor: (BigInt(command.amountMinor) - allocated).toString(),
    allocations: command.allocations,
  };
  await em.execute(
    `insert into ${SCHEMA}.payments
       (id, tenant_id, customer_id, external_id, date, currency, amount_minor, unapplied_minor, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, now())`,
    [
      payment.id,
      command.tenantId,
      payment.customerId,
      payment.externalId,
      payment.date,
      payment.currency,
      payment.amountMinor,
      payment.unappliedMinor,
    ],
  );
  for (const allocation of command.allocations) {
    await em.execute(`insert into ${SCHEMA}.allocations (payment_id, invoice_id, amount_minor) values (?, ?, ?)`, [
      payment.id,
      allocation.invoiceId,
      allocation.amountMinor,
    ]);
  }
  return payment;
}

export function toPaymentProto(payment: PaymentView): receivables.Payment {
  return { ...payment };
}
