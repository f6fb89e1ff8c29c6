import type { EntityManager } from '@mikro-orm/postgresql';
import { reduceBalance } from '../invoices/balance';
import type { Invoice } from '../invoices/invoice.entity';
import { consumeCredits } from './allocation';
import { lockCredits, lockCustomerAccounts, spendCredits } from './payment.repository';

/**
 * New invoices spend their customers' credit in their currency (payments with
 * an unapplied rest), oldest credit first, recorded as allocations. The
 * invoices are changed in place; the caller writes them. Returns those whose
 * balance it lowered.
 */
export async function spendCreditOn(em: EntityManager, tenantId: string, invoices: Invoice[]): Promise<Invoice[]> {
  const customerIds = [...new Set(invoices.map((i) => i.customerId))].sort();
  await lockCustomerAccounts(em, tenantId, customerIds);
  const credits = await lockCredits(em, tenantId, customerIds);
  if (credits.length === 0) return [];
  const applications = consumeCredits(credits, invoices);
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const lowered = new Set<Invoice>();
  for (const application of applications) {
    const invoice = byId.get(application.invoiceId)!;
    const reduced = reduceBalance(invoice, 'paid', BigInt(application.amountMinor));
    // consumeCredits never takes more than a balance; a refusal here is a bug, not bad input.
    if (!reduced.ok) throw new Error(`credit on invoice ${invoice.id}: ${reduced.reason}`);
    Object.assign(invoice, reduced.amounts);
    lowered.add(invoice);
  }
  await spendCredits(em, applications);
  return [...lowered];
}
