import { receivables } from '@chasqui/contracts';
import { AlreadyExists, DomainError, FailedPrecondition, InvalidArgument, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RecordAdjustmentUseCase } from '../../adjustments/record-adjustment/record-adjustment.usecase';
import { SCHEMA } from '../../database/orm-settings';
import type {
  CreditNoteDocument,
  DocumentRef,
  EInvoice,
  InvoiceDocument,
  PaymentDocument,
} from '../../einvoice/einvoice';
import { parseEInvoice } from '../../einvoice/parse-einvoice';
import { RecordPaymentUseCase } from '../../payments/record-payment/record-payment.usecase';
import { TenantEntity, type Tenant } from '../../tenants/tenant.entity';
import { fileDocument } from '../invoice-documents';
import { InvoiceEntity, invoiceNumber, type Invoice } from '../invoice.entity';
import { issueInvoice } from '../issue-invoice';
import { checkIssuer, customerOf } from './einvoice-parties';
import type { ImportEInvoiceCommand } from './import-einvoice.command';

export interface ImportedEInvoice {
  kind: EInvoice['kind'];
  customerId: string;
  invoices: Invoice[];
  replay: boolean;
}

/**
 * One e-invoice XML into the ledger: an invoice is issued with its XML filed
 * (or the XML is filed on the invoice the ERP already sent), a credit note is
 * credited to the invoice it names, a payment complement pays the invoices it
 * names. Importing the same XML again changes nothing and says so.
 */
@Injectable()
export class ImportEInvoiceUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
    private readonly recordAdjustment: RecordAdjustmentUseCase,
    private readonly recordPayment: RecordPaymentUseCase,
  ) {}

  async execute(command: ImportEInvoiceCommand): Promise<ImportedEInvoice> {
    const parsed = parseEInvoice(command.xml);
    if (!parsed.ok) {
      throw new InvalidArgument('EINVOICE.UNREADABLE', [
        { field: 'xml', description: `the document ${parsed.reason}` },
      ]);
    }
    const document = parsed.document;
    const tenant = await this.orm.em.fork().findOneOrFail(TenantEntity, { id: command.tenantId });
    checkIssuer(tenant, document);
    switch (document.kind) {
      case 'invoice':
        return this.issue(tenant, document, command);
      case 'credit_note':
        return this.credit(tenant, document, command);
      case 'payment':
        return this.pay(tenant, document, command);
    }
  }

  private async issue(tenant: Tenant, document: InvoiceDocument, command: ImportEInvoiceCommand) {
    const xml = { kind: 'xml' as const, filename: command.filename || fileNameOf(document), content: command.xml };
    const result = await this.orm.em.fork().transactional(async (em) => {
      const { customer } = await customerOf(em, tenant, document.receiver, command.customerExternalId, true);
      const existing = await em.findOne(
        InvoiceEntity,
        { tenantId: tenant.id, series: document.series, folio: document.folio },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!existing) {
        const invoice = await issueInvoice(em, customer, {
          tenantId: tenant.id,
          ...document,
          fiscalId: document.fiscalId,
          hasXml: true,
        });
        await fileDocument(em, invoice, xml);
        return { customerId: customer.id, invoices: [invoice], replay: false };
      }
      // The ERP sent the invoice already: the XML joins it if it is the same invoice.
      const differs =
        existing.customerId !== customer.id
          ? 'another customer'
          : existing.currency !== document.currency || String(existing.totalMinor) !== document.totalMinor
            ? `a total of ${existing.totalMinor} ${existing.currency} (the XML says ${document.totalMinor} ${document.currency})`
            : undefined;
      if (differs) {
        throw new AlreadyExists(
          'EINVOICE.NUMBER_TAKEN',
          'xml',
          `invoice ${invoiceNumber(existing)} exists with ${differs}`,
        );
      }
      if (document.fiscalId && !existing.fiscalId) existing.fiscalId = document.fiscalId;
      const filed = await fileDocument(em, existing, xml);
      await em.flush();
      return { customerId: customer.id, invoices: [existing], replay: !filed.added };
    });
    this.outbox.nudge();
    return { kind: document.kind, ...result };
  }

  private async credit(tenant: Tenant, document: CreditNoteDocument, command: ImportEInvoiceCommand) {
    const em = this.orm.em.fork();
    const { customer } = await customerOf(em, tenant, document.receiver, command.customerExternalId, false);
    const [invoice] = await findInvoices(em, tenant.id, customer.id, [document.credits]);
    const externalId = documentId(document, command.xml);
    const replay = await adjustmentExists(em, tenant.id, externalId);
    const credited = await this.recordAdjustment.execute({
      kind: 'credit_note',
      tenantId: tenant.id,
      externalId,
      invoiceId: invoice.id,
      date: document.issueDate,
      amountMinor: document.totalMinor,
      reason: document.reason.slice(0, 500),
    });
    return { kind: document.kind, customerId: customer.id, invoices: [credited], replay };
  }

  /**
   * A payment complement's payments are recorded together or not at all: one
   * transaction, so a payment that cannot be applied (or a document it names
   * that is not in the ledger) leaves none of the others recorded.
   */
  private async pay(tenant: Tenant, document: PaymentDocument, command: ImportEInvoiceCommand) {
    const id = documentId(document, command.xml);
    const result = await this.recordPayment.transaction(async (em) => {
      const { customer } = await customerOf(em, tenant, document.receiver, command.customerExternalId, false);
      const paid: Invoice[][] = [];
      for (const payment of document.payments) {
        paid.push(await findInvoices(em, tenant.id, customer.id, payment.documents));
      }
      const touched = new Map<string, Invoice>();
      let replays = 0;
      for (const [p, payment] of document.payments.entries()) {
        const recorded = await this.recordPayment
          .recordIn(em, {
            tenantId: tenant.id,
            externalId: `${id}:${p + 1}`,
            customerId: customer.id,
            date: payment.date,
            currency: payment.currency,
            amountMinor: payment.amountMinor,
            allocations: payment.documents.map((d, i) => ({ invoiceId: paid[p][i].id, amountMinor: d.amountMinor })),
          })
          .catch((error: unknown) => {
            throw inPayment(error, p, paid[p]);
          });
        if (recorded.replay) replays++;
        for (const invoice of recorded.invoices) touched.set(invoice.id, invoice);
      }
      return { customerId: customer.id, invoices: [...touched.values()], replay: replays === document.payments.length };
    });
    if (!result.replay) this.outbox.nudge();
    return { kind: document.kind, ...result };
  }
}

/**
 * A payment of the complement refused: the request has no allocations of its
 * own, so the refusal names the XML and says which payment and document.
 */
function inPayment(error: unknown, p: number, invoices: Invoice[]): unknown {
  if (!(error instanceof DomainError)) return error;
  const where = (field: string) => {
    const d = /^allocations\[(\d+)\]/.exec(field);
    const document = d ? `, document ${Number(d[1]) + 1} (${invoiceNumber(invoices[Number(d[1])])})` : '';
    return `payment ${p + 1}${document}`;
  };
  const [first] = error.violations;
  switch (error.kind) {
    case 'invalid_argument':
      return new InvalidArgument(
        error.code,
        error.violations.map((v) => ({ field: 'xml', description: `${where(v.field)}: ${v.description}` })),
      );
    case 'not_found':
      return new NotFound(error.code, 'xml', `${where(first?.field ?? '')}: ${first?.description ?? error.message}`);
    case 'already_exists':
      return new AlreadyExists(
        error.code,
        'xml',
        `${where(first?.field ?? '')}: ${first?.description ?? error.message}`,
      );
    case 'failed_precondition':
      return new FailedPrecondition(error.code, `xml: ${where('')}: ${error.message}`);
    case 'unavailable':
      return error; // an outage, not something the document says
  }
}

/**
 * The customer's invoices the document names, all or NOT_FOUND: by fiscal id,
 * else by series and folio (invoices an ERP sent carry no fiscal id).
 */
async function findInvoices(em: EntityManager, tenantId: string, customerId: string, refs: DocumentRef[]) {
  const found: Invoice[] = [];
  for (const [i, ref] of refs.entries()) {
    const invoice =
      (ref.fiscalId && (await em.findOne(InvoiceEntity, { tenantId, customerId, fiscalId: ref.fiscalId }))) ||
      (ref.folio && (await em.findOne(InvoiceEntity, { tenantId, customerId, series: ref.series, folio: ref.folio })));
    if (!invoice) {
      const names = [ref.fiscalId && `UUID ${ref.fiscalId}`, ref.folio && `number ${invoiceNumber(ref)}`];
      throw new NotFound(
        'INVOICE.NOT_FOUND',
        'xml',
        `document ${i + 1} it names (${names.filter(Boolean).join(', ')}) is not an invoice of this customer`,
      );
    }
    found.push(invoice);
  }
  return found;
}

/** How the ledger knows this document again: its fiscal id, else its number, else its digest. */
function documentId(document: EInvoice, xml: Uint8Array): string {
  const own = document.fiscalId || (document.folio && `${document.series}-${document.folio}`);
  return `${document.standard}:${own || createHash('sha256').update(xml).digest('hex').slice(0, 32)}`;
}

async function adjustmentExists(em: EntityManager, tenantId: string, externalId: string): Promise<boolean> {
  const rows = await em.execute(
    `select 1 from ${SCHEMA}.adjustments where tenant_id = ? and kind = 'credit_note' and external_id = ?`,
    [tenantId, externalId],
  );
  return rows.length > 0;
}

function fileNameOf(document: EInvoice): string {
  return `${document.standard}-${[document.series, document.folio].filter(Boolean).join('-')}.xml`;
}

export const eInvoiceKinds: Record<EInvoice['kind'], receivables.EInvoiceKind> = {
  invoice: receivables.EInvoiceKind.E_INVOICE_KIND_INVOICE,
  credit_note: receivables.EInvoiceKind.E_INVOICE_KIND_CREDIT_NOTE,
  payment: receivables.EInvoiceKind.E_INVOICE_KIND_PAYMENT,
};
