import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { AlreadyExists, InvalidArgument, NotFound } from '@chasqui/errors';
import { enqueue, OutboxRelay } from '@chasqui/messaging';
import { isUniqueViolation } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerEntity } from '../../customers/customer.entity';
import { SCHEMA } from '../../database/orm-settings';
import { reduceBalance } from '../../invoices/balance';
import type { Invoice } from '../../invoices/invoice.entity';
import { announceBalanceChanges, lockInvoices, lockOpenInvoices } from '../../invoices/invoice-ledger';
import { TenantEntity, type Tenant } from '../../tenants/tenant.entity';
import { allocatePayment } from '../allocation';
import { findPayment, insertPayment, lockCustomerAccounts, type PaymentView } from '../payment.repository';
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
 * A payment naming no invoices is applied as the tenant chose: oldest due
 * first, or not at all (as the ERP gives it); what is not applied is the
 * customer's credit, which its next invoices spend.
 */
@Injectable()
export class RecordPaymentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: RecordPaymentCommand): Promise<RecordedPayment> {
    const result = await this.transaction((em) => this.recordIn(em, command));
    if (!result.replay) this.outbox.nudge();
    return result;
  }

  /**
   * Runs `work` in a transaction; a concurrent request with the same external
   * id that won the race (a unique violation) makes it run once more, where it
   * finds that payment and answers as a replay.
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.orm.em.fork().transactional(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.orm.em.fork().transactional(work);
    }
  }

  /** Records the payment in the caller's transaction (its events queued there; the caller nudges the outbox). */
  async recordIn(em: EntityManager, command: RecordPaymentCommand): Promise<RecordedPayment> {
    const existing = await findPayment(em, command.tenantId, command.externalId);
    if (existing) return { replay: true, ...(await this.replay(em, existing, command)) };
    const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
    if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
    await lockCustomerAccounts(em, command.tenantId, [customer.id]);
    const tenant = await em.findOneOrFail(TenantEntity, { id: command.tenantId });
    const { allocations, source } = await this.allocations(em, tenant, command);
    const invoices = await lockInvoices(
      em,
      command.tenantId,
      allocations.map((a) => a.invoiceId),
    );
    const changes = allocations.map((allocation, i) => {
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
    const payment = await insertPayment(em, command, allocations, source);
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
  }

  /** The allocations named, else those the tenant's setting makes (oldest due first, or none). */
  private async allocations(em: EntityManager, tenant: Tenant, command: RecordPaymentCommand) {
    if (command.allocations.length > 0 || tenant.paymentAllocation === 'as_given') {
      return { allocations: command.allocations, source: 'given' as const };
    }
    const open = await lockOpenInvoices(em, command.tenantId, command.customerId, command.currency);
    return { allocations: allocatePayment(command.amountMinor, open).allocations, source: 'oldest_first' as const };
  }

  /** The same external id again: the same payment is a replay; a different one is a conflict. */
  private async replay(em: EntityManager, existing: PaymentView, command: RecordPaymentCommand) {
    const given = existing.allocations.filter((a) => a.source === 'given');
    const same =
      existing.customerId === command.customerId &&
      existing.currency === command.currency &&
      existing.amountMinor === command.amountMinor &&
      existing.date === command.date &&
      sameAllocations(given, command.allocations);
    if (!same) {
      throw new AlreadyExists('PAYMENT.EXTERNAL_ID_TAKEN', 'external_id', 'a different payment has this external id');
    }
    // The invoices the payment was applied to when it was recorded (not those its credit paid later).
    const applied = existing.allocations.filter((a) => a.source !== 'credit').map((a) => a.invoiceId);
    const invoices = await lockInvoices(em, command.tenantId, applied);
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

export function toPaymentProto(payment: PaymentView): receivables.Payment {
  return {
    id: payment.id,
    externalId: payment.externalId,
    customerId: payment.customerId,
    date: payment.date,
    currency: payment.currency,
    amountMinor: payment.amountMinor,
    unappliedMinor: payment.unappliedMinor,
    allocations: payment.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor })),
  };
}
