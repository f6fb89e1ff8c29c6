import { isCalendarDate } from '../ledger/calendar-date';
import { isCurrency } from '../ledger/currency';
import { decimalToMinor } from './amount';
import { refuse, type DocumentRef, type Issued, type Parsed, type ReceivedPayment } from './einvoice';
import { attr, child, children, type XmlNode } from './xml';

/**
 * Mexico's CFDI (3.2, 3.3, 4.0): an ingreso is an invoice, an egreso related
 * to one (TipoRelacion 01) a credit note, a pago a payment complement (Pagos
 * 1.0 or 2.0). Payroll (nómina) and transfer (traslado) receipts are not
 * receivables and are refused, naming what they are.
 */
export function parseCfdi(comprobante: XmlNode): Parsed {
  const version = attr(comprobante, 'Version');
  if (!['3.2', '3.3', '4.0'].includes(version))
    return refuse(`is a CFDI of version "${version}"; 3.2, 3.3 and 4.0 are read`);
  const emisor = child(comprobante, 'Emisor');
  const receptor = child(comprobante, 'Receptor');
  const stamp = children(child(comprobante, 'Complemento'), 'TimbreFiscalDigital')[0];
  const fiscalId = attr(stamp, 'UUID').toUpperCase();
  const series = attr(comprobante, 'Serie');
  const folio = attr(comprobante, 'Folio') || fiscalId;
  const fecha = attr(comprobante, 'Fecha');
  const issueDate = fecha.slice(0, 10);
  if (!isCalendarDate(issueDate)) return refuse(`has Fecha "${fecha}", not a date`);
  const issued: Issued = {
    standard: 'CFDI',
    fiscalId,
    issuer: { taxId: attr(emisor, 'Rfc'), name: attr(emisor, 'Nombre') },
    receiver: { taxId: attr(receptor, 'Rfc'), name: attr(receptor, 'Nombre') },
    series,
    folio,
    issueDate,
  };
  if (!issued.issuer.taxId || !issued.receiver.taxId) return refuse('has no Emisor or Receptor RFC');

  const tipo = attr(comprobante, 'TipoDeComprobante').toUpperCase();
  switch (tipo) {
    case 'I':
    case 'INGRESO':
    case 'E':
    case 'EGRESO': {
      if (!folio) return refuse('has no Folio and no TimbreFiscalDigital UUID: nothing identifies the document');
      const currency = attr(comprobante, 'Moneda') || 'MXN';
      if (!isCurrency(currency)) return refuse(`has Moneda "${currency}", not an ISO 4217 currency`);
      const totalMinor = decimalToMinor(attr(comprobante, 'Total'), currency);
      if (totalMinor === undefined)
        return refuse(`has Total "${attr(comprobante, 'Total')}", not an amount in ${currency}`);
      if (tipo.startsWith('I'))
        return { ok: true, document: { kind: 'invoice', ...issued, dueDate: '', currency, totalMinor } };
      const credited = relatedInvoices(comprobante);
      if (credited.length !== 1) {
        return refuse(
          `is an egreso related to ${credited.length} invoices by TipoRelacion 01; record a credit note per invoice instead`,
        );
      }
      const credits = { fiscalId: credited[0], series: '', folio: '' };
      return {
        ok: true,
        document: { kind: 'credit_note', ...issued, currency, totalMinor, credits, reason: 'CFDI de egreso' },
      };
    }
    case 'P':
      return payments(comprobante, issued);
    case 'N':
      return refuse('is a payroll receipt (CFDI de nómina, tipo N), not a receivable');
    case 'T':
    case 'TRASLADO':
      return refuse('is a transfer receipt (CFDI de traslado, tipo T), not a receivable');
    default:
      return refuse(`has TipoDeComprobante "${tipo}"`);
  }
}

/** UUIDs of the CFDIs an egreso credits (TipoRelacion 01: nota de crédito). */
function relatedInvoices(comprobante: XmlNode): string[] {
  return children(comprobante, 'CfdiRelacionados')
    .filter((group) => attr(group, 'TipoRelacion') === '01')
    .flatMap((group) => children(group, 'CfdiRelacionado').map((r) => attr(r, 'UUID').toUpperCase()))
    .filter(Boolean);
}

/** A complemento de pagos: each Pago, split by the currency of the documents it pays. */
function payments(comprobante: XmlNode, issued: Issued): Parsed {
  const pagos = children(child(comprobante, 'Complemento'), 'Pagos');
  const list = pagos.flatMap((p) => children(p, 'Pago'));
  if (list.length === 0) return refuse('is a payment CFDI (tipo P) without a Pagos complement');
  const received: ReceivedPayment[] = [];
  for (const [p, pago] of list.entries()) {
    const date = attr(pago, 'FechaPago').slice(0, 10);
    if (!isCalendarDate(date)) return refuse(`Pago[${p}] has FechaPago "${attr(pago, 'FechaPago')}", not a date`);
    const paidCurrency = attr(pago, 'MonedaP');
    const docs = children(pago, 'DoctoRelacionado');
    if (docs.length === 0) return refuse(`Pago[${p}] pays no DoctoRelacionado`);
    const byCurrency = new Map<string, ReceivedPayment>();
    for (const [d, doc] of docs.entries()) {
      const currency = attr(doc, 'MonedaDR') || paidCurrency;
      if (!isCurrency(currency)) return refuse(`Pago[${p}].DoctoRelacionado[${d}] has MonedaDR "${currency}"`);
      // Pagos 1.0 may leave ImpPagado out when one document takes the whole Monto.
      const paid =
        attr(doc, 'ImpPagado') || (docs.length === 1 && currency === paidCurrency ? attr(pago, 'Monto') : '');
      const amountMinor = decimalToMinor(paid, currency);
      if (amountMinor === undefined || amountMinor === '0') {
        return refuse(
          `Pago[${p}].DoctoRelacionado[${d}] has ImpPagado "${paid}", not a positive amount in ${currency}`,
        );
      }
      const ref: DocumentRef = {
        fiscalId: attr(doc, 'IdDocumento').toUpperCase(),
        series: attr(doc, 'Serie'),
        folio: attr(doc, 'Folio'),
      };
      if (!ref.fiscalId && !ref.folio) {
        return refuse(
          `Pago[${p}].DoctoRelacionado[${d}] has no IdDocumento nor Folio: which invoice it pays is unknown`,
        );
      }
      const payment = byCurrency.get(currency) ?? { date, currency, amountMinor: '0', documents: [] };
      payment.amountMinor = (BigInt(payment.amountMinor) + BigInt(amountMinor)).toString();
      payment.documents.push({ ...ref, amountMinor });
      byCurrency.set(currency, payment);
    }
    received.push(...byCurrency.values());
  }
  return { ok: true, document: { kind: 'payment', ...issued, payments: received } };
}
