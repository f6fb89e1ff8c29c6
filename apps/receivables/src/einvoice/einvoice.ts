/**
 * What an electronic invoice XML means to the ledger, whatever its standard:
 * a receivable issued (an invoice), a credit against one (a credit note) or
 * money received for some (a payment complement). Parsing is pure; the
 * import use case decides what to do with the result.
 */
export interface Party {
  taxId: string;
  name: string;
}

/** A document the e-invoice points at: by fiscal id (CFDI UUID), else series and folio. */
export interface DocumentRef {
  fiscalId: string;
  series: string;
  folio: string;
}

export interface Issued {
  standard: 'CFDI' | 'DTE';
  /** The tax authority's id of the document (CFDI UUID); empty when the XML carries none. */
  fiscalId: string;
  issuer: Party;
  receiver: Party;
  series: string;
  folio: string;
  issueDate: string;
}

export interface InvoiceDocument extends Issued {
  kind: 'invoice';
  /** Empty: the XML names none (CFDI never does); the ledger derives it. */
  dueDate: string;
  currency: string;
  totalMinor: string;
}

export interface CreditNoteDocument extends Issued {
  kind: 'credit_note';
  currency: string;
  totalMinor: string;
  credits: DocumentRef;
  reason: string;
}

export interface PaymentDocument extends Issued {
  kind: 'payment';
  payments: ReceivedPayment[];
}

/** One payment of a complement, in the currency of the documents it pays. */
export interface ReceivedPayment {
  date: string;
  currency: string;
  amountMinor: string;
  documents: (DocumentRef & { amountMinor: string })[];
}

export type EInvoice = InvoiceDocument | CreditNoteDocument | PaymentDocument;

export type Parsed = { ok: true; document: EInvoice } | { ok: false; reason: string };

export const refuse = (reason: string): Parsed => ({ ok: false, reason });
