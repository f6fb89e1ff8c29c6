import { isCalendarDate } from '../ledger/calendar-date';
import { refuse, type Issued, type Parsed } from './einvoice';
import { child, children, text, type XmlNode } from './xml';

/** SII document types that are receivables of the issuer, and what each is called. */
const receivable: Record<string, string> = {
  '33': 'factura electrónica',
  '34': 'factura no afecta o exenta electrónica',
  '56': 'nota de débito electrónica',
};
const creditNote = '61';
const refused: Record<string, string> = {
  '39': 'a boleta (consumer receipt, paid at sale)',
  '41': 'a boleta exenta (consumer receipt, paid at sale)',
  '43': 'a liquidación-factura',
  '46': 'a factura de compra (issued by the buyer)',
  '52': 'a guía de despacho (delivery note), not a receivable',
  '110': 'an export invoice (factura de exportación); foreign-currency DTEs are not read yet',
  '111': 'an export debit note; foreign-currency DTEs are not read yet',
  '112': 'an export credit note; foreign-currency DTEs are not read yet',
};

/**
 * Chile's DTE (a <DTE> with or without the SII namespace, alone or as the one
 * document of an <EnvioDTE>). Amounts are whole pesos. The signature is not
 * verified: the tenant imports documents it issued itself, already accepted by
 * the SII. An AEC (a cesión: the invoice was sold to a factoring company) is
 * refused: collecting it is the assignee's job now.
 */
export function parseDte(rootName: string, root: XmlNode): Parsed {
  if (rootName === 'AEC') {
    const cesion = children(child(child(root, 'DocumentoAEC'), 'Cesiones'), 'Cesion').at(-1);
    const assignee = child(child(cesion, 'DocumentoCesion'), 'Cesionario');
    return refuse(
      `is an AEC: the invoice was assigned (cedida) to ${text(assignee, 'RazonSocial') || 'another company'} ` +
        `(RUT ${text(assignee, 'RUT') || 'unknown'}), who collects it now`,
    );
  }
  const dtes = rootName === 'EnvioDTE' ? children(child(root, 'SetDTE'), 'DTE') : [root];
  if (dtes.length !== 1) return refuse(`is an EnvioDTE with ${dtes.length} documents; send each DTE on its own`);
  const documento = child(dtes[0], 'Documento');
  if (!documento) return refuse('is a DTE without a <Documento> (exports and liquidaciones are not read)');
  const encabezado = child(documento, 'Encabezado');
  const idDoc = child(encabezado, 'IdDoc');
  const emisor = child(encabezado, 'Emisor');
  const receptor = child(encabezado, 'Receptor');
  const type = text(idDoc, 'TipoDTE');
  const issued: Issued = {
    standard: 'DTE',
    fiscalId: '',
    issuer: { taxId: text(emisor, 'RUTEmisor'), name: text(emisor, 'RznSoc') },
    receiver: { taxId: text(receptor, 'RUTRecep'), name: text(receptor, 'RznSocRecep') },
    // A folio is unique per document type: the type is the series ("33" for facturas).
    series: type,
    folio: text(idDoc, 'Folio'),
    issueDate: text(idDoc, 'FchEmis'),
  };
  if (!/^\d{1,10}$/.test(issued.folio)) return refuse(`has Folio "${issued.folio}"`);
  if (!isCalendarDate(issued.issueDate)) return refuse(`has FchEmis "${issued.issueDate}", not a date`);
  if (!issued.issuer.taxId || !issued.receiver.taxId) return refuse('has no RUTEmisor or RUTRecep');
  const total = text(child(encabezado, 'Totales'), 'MntTotal');
  if (!/^\d{1,18}$/.test(total)) return refuse(`has MntTotal "${total}", not a whole amount of pesos`);
  const totalMinor = BigInt(total).toString();

  if (type in receivable) {
    const dueDate = text(idDoc, 'FchVenc');
    if (dueDate && !isCalendarDate(dueDate)) return refuse(`has FchVenc "${dueDate}", not a date`);
    return { ok: true, document: { kind: 'invoice', ...issued, dueDate, currency: 'CLP', totalMinor } };
  }
  if (type === creditNote) {
    const reference = children(documento, 'Referencia').find((r) => text(r, 'TpoDocRef') in receivable);
    if (!reference) return refuse('is a nota de crédito that references no factura or nota de débito');
    if (totalMinor === '0') return refuse('is a nota de crédito of 0 (a text correction): nothing to credit');
    return {
      ok: true,
      document: {
        kind: 'credit_note',
        ...issued,
        currency: 'CLP',
        totalMinor,
        credits: { fiscalId: '', series: text(reference, 'TpoDocRef'), folio: text(reference, 'FolioRef') },
        reason: text(reference, 'RazonRef') || 'nota de crédito electrónica',
      },
    };
  }
  return refuse(
    `is ${refused[type] ?? `a DTE of type "${type}"`}; facturas (33, 34), notas de débito (56) and notas de crédito (61) are read`,
  );
}
