import { AlreadyExists, FailedPrecondition, InvalidArgument, NotFound } from '@chasqui/errors';
import { isUniqueViolation } from '@chasqui/persistence';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { announceCustomer } from '../../customers/customer-events';
import { CustomerEntity, type Customer } from '../../customers/customer.entity';
import type { EInvoice, Party } from '../../einvoice/einvoice';
import { checkTaxId } from '../../ledger/tax-id';
import type { Tenant } from '../../tenants/tenant.entity';

const countryOf = { CFDI: 'MX', DTE: 'CL' } as const;

/** A company imports only its own country's documents, and only those it issued (when its tax id is known). */
export function checkIssuer(tenant: Tenant, document: EInvoice): void {
  const country = countryOf[document.standard];
  if (tenant.country !== country) {
    throw new FailedPrecondition(
      'EINVOICE.WRONG_COUNTRY',
      `xml: is a ${document.standard} (${country}); this company is in ${tenant.country}`,
    );
  }
  const issuer = checkTaxId(country, document.issuer.taxId);
  if (tenant.taxId && (!issuer.ok || issuer.normalised !== tenant.taxId)) {
    throw new FailedPrecondition(
      'EINVOICE.NOT_ISSUED_BY_TENANT',
      `xml: was issued by ${document.issuer.taxId}, not by this company (${tenant.taxId})`,
    );
  }
}

/**
 * The customer the document was issued to: the one named, else the one with
 * the receiver's tax id. An invoice for a receiver nobody has yet creates the
 * customer from the XML (external id = tax id); other documents need one.
 */
export async function customerOf(
  em: EntityManager,
  tenant: Tenant,
  receiver: Party,
  externalId: string,
  createIfMissing: boolean,
): Promise<{ customer: Customer; created: boolean }> {
  const taxId = checkTaxId(tenant.country, receiver.taxId);
  if (!taxId.ok) {
    throw new InvalidArgument('EINVOICE.RECEIVER_INVALID', [
      { field: 'xml', description: `the receiver's tax id ${receiver.taxId} ${taxId.reason}` },
    ]);
  }
  if (externalId) {
    const named = await em.findOne(CustomerEntity, { tenantId: tenant.id, externalId });
    if (!named) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_external_id', 'no customer has this external id');
    if (named.taxId && named.taxId !== taxId.normalised) {
      throw new FailedPrecondition(
        'EINVOICE.RECEIVER_MISMATCH',
        `customer_external_id: has tax id ${named.taxId}; the document was issued to ${taxId.normalised}`,
      );
    }
    return { customer: named, created: false };
  }
  const matches = await em.find(CustomerEntity, { tenantId: tenant.id, taxId: taxId.normalised }, { limit: 2 });
  if (matches.length > 1) {
    throw new FailedPrecondition(
      'EINVOICE.RECEIVER_AMBIGUOUS',
      `customer_external_id: several customers have tax id ${taxId.normalised}: name one`,
    );
  }
  if (matches.length === 1) return { customer: matches[0], created: false };
  if (!createIfMissing) {
    throw new NotFound('CUSTOMER.NOT_FOUND', 'xml', `no customer has the receiver's tax id ${taxId.normalised}`);
  }
  const customer = em.create(CustomerEntity, {
    id: randomUUID(),
    tenantId: tenant.id,
    externalId: taxId.normalised,
    legalName: receiver.name || taxId.normalised,
    taxId: taxId.normalised,
    creditDays: null,
    delinquencyLimitDays: null,
    timeZone: null,
    locale: null,
    createdAt: new Date(),
  });
  await em.flush().catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw new AlreadyExists(
      'EINVOICE.CUSTOMER_EXTERNAL_ID_TAKEN',
      'customer_external_id',
      `another customer has external id ${taxId.normalised}: name the customer`,
    );
  });
  await announceCustomer(em, customer, []);
  return { customer, created: true };
}
