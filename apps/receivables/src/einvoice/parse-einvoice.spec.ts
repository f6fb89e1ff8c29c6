import { corpusPath } from '@chasqui/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { decimalToMinor } from './amount';
import type { EInvoice } from './einvoice';
import { parseEInvoice } from './parse-einvoice';

/** The corpus' own index of each file, written by others from the files themselves. */
function table(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [names[i], value])));
}

const read = (dir: string, file: string) => parseEInvoice(readFileSync(corpusPath('einvoice', dir, file)));

function parsed(dir: string, file: string): EInvoice {
  const result = read(dir, file);
  if (!result.ok) throw new Error(`${file} refused: ${result.reason}`);
  return result.document;
}

function refusal(dir: string, file: string): string {
  const result = read(dir, file);
  if (result.ok) throw new Error(`${file} was read as a ${result.document.kind}`);
  return result.reason;
}

describe('CFDI: every file of the corpus, against its INDEX.tsv', () => {
  const index = table(corpusPath('einvoice', 'cfdi', 'INDEX.tsv'));

  it('covers every XML file in the folder', () => {
    const files = readdirSync(corpusPath('einvoice', 'cfdi')).filter((f) => f.endsWith('.xml'));
    expect(index.map((row) => row.file).sort()).toEqual(files.sort());
  });

  for (const row of index) {
    const tipo = row.tipo_de_comprobante.toUpperCase();
    if (row.root === 'Retenciones') {
      it(`${row.file}: a withholding certificate is refused as not a receivable`, () => {
        expect(refusal('cfdi', row.file)).toMatch(/retenciones/);
      });
    } else if (tipo === 'N') {
      it(`${row.file}: a payroll receipt is refused as not a receivable`, () => {
        expect(refusal('cfdi', row.file)).toMatch(/nómina/);
      });
    } else if (tipo === 'I' || tipo === 'INGRESO') {
      it(`${row.file}: an ingreso becomes an invoice with its number, date, currency, total and parties`, () => {
        expect(parsed('cfdi', row.file)).toEqual({
          kind: 'invoice',
          standard: 'CFDI',
          fiscalId: row.tfd_uuid.toUpperCase(),
          issuer: expect.objectContaining({ taxId: row.emisor_rfc }),
          receiver: expect.objectContaining({ taxId: row.receptor_rfc }),
          series: row.serie,
          // Unnumbered CFDIs are known by their fiscal UUID.
          folio: row.folio || row.tfd_uuid.toUpperCase(),
          issueDate: row.fecha.slice(0, 10),
          dueDate: '',
          currency: row.moneda,
          totalMinor: decimalToMinor(row.total, row.moneda),
        });
      });
    } else if (tipo === 'P') {
      const raw = readFileSync(corpusPath('einvoice', 'cfdi', row.file), 'latin1');
      const unidentified = (raw.match(/DoctoRelacionado /g) ?? []).length > (raw.match(/IdDocumento=/g) ?? []).length;
      if (unidentified) {
        it(`${row.file}: a payment complement whose documents have no IdDocumento is refused, naming it`, () => {
          expect(refusal('cfdi', row.file)).toMatch(/DoctoRelacionado\[\d+\] has no IdDocumento/);
        });
        continue;
      }
      it(`${row.file}: a payment complement becomes payments, each naming the documents it pays`, () => {
        const document = parsed('cfdi', row.file);
        if (document.kind !== 'payment') throw new Error(`read as ${document.kind}`);
        expect(document.receiver.taxId).toBe(row.receptor_rfc);
        expect(document.payments.length).toBeGreaterThan(0);
        for (const payment of document.payments) {
          const sum = payment.documents.reduce((total, d) => total + BigInt(d.amountMinor), 0n);
          expect(sum.toString()).toBe(payment.amountMinor);
          for (const d of payment.documents) expect(d.fiscalId || d.folio).not.toBe('');
        }
      });
    } else {
      it(`${row.file}: is in the index with a kind this test knows`, () => {
        throw new Error(`unexpected TipoDeComprobante ${row.tipo_de_comprobante}`);
      });
    }
  }

  it('reads a Pagos 2.0 payment in another currency than the documents by the documents’ currency', () => {
    const document = parsed('cfdi', 'cfdiutils-pagos20-calculator-001.xml');
    if (document.kind !== 'payment') throw new Error(`read as ${document.kind}`);
    // Its second Pago is made in USD (MonedaP) for MXN documents: recorded in MXN, ImpPagado each.
    expect(document.payments.map((p) => p.currency)).toEqual(['MXN', 'MXN']);
    expect(document.payments[0].documents[0]).toEqual({
      fiscalId: '6DE9442D-ED57-5320-B2BA-F73E15079FA3',
      series: 'PACIE',
      folio: '2',
      amountMinor: '85000',
    });
  });
});

describe('DTE: every file of the corpus, against its EXPECTED.tsv', () => {
  const expected = table(corpusPath('einvoice', 'dte', 'EXPECTED.tsv'));
  const files = readdirSync(corpusPath('einvoice', 'dte')).filter((f) => f.endsWith('.xml'));

  const described = expected.filter((r) => r.emisor_rut);
  const originals = files.filter((f) => f.startsWith('clsii-DTE') && !f.includes('--cleaned'));
  const modified = files.filter((f) => f.includes('-mod-'));
  const assignments = files.filter((f) => f.startsWith('clsii-AEC'));

  it('covers every XML file in the folder', () => {
    const covered = new Set([...described.map((r) => r.file), ...originals, ...modified, ...assignments]);
    expect([...covered].sort()).toEqual(files.sort());
  });

  for (const row of described) {
    it(`${row.file}: becomes a ${row.tipo_dte === '61' ? 'credit note' : 'invoice'} with its folio, dates, parties and total`, () => {
      const document = parsed('dte', row.file);
      expect(document).toMatchObject({
        kind: row.tipo_dte === '61' ? 'credit_note' : 'invoice',
        standard: 'DTE',
        series: row.tipo_dte,
        folio: row.folio,
        issueDate: row.fecha_emision,
        issuer: { taxId: row.emisor_rut, name: row.emisor_razon_social },
        receiver: { taxId: row.receptor_rut, name: row.receptor_razon_social },
        currency: 'CLP',
        totalMinor: row.monto_total,
      });
      if (document.kind === 'invoice') expect(document.dueDate).toBe(row.fecha_vencimiento);
    });
  }

  it('clsii-DTE--96670340-7--61--110616: the nota de crédito credits the factura it references', () => {
    const document = parsed('dte', 'clsii-DTE--96670340-7--61--110616--cleaned.xml');
    expect(document).toMatchObject({
      kind: 'credit_note',
      credits: { fiscalId: '', series: '33', folio: '115885' },
      reason: 'Comision venta corner Hites',
    });
  });

  for (const original of originals) {
    it(`${original}: without the SII namespace, as the SII hands it out, reads like its cleaned twin`, () => {
      expect(parsed('dte', original)).toEqual(parsed('dte', original.replace('.xml', '--cleaned.xml')));
    });
  }

  for (const file of modified) {
    it(`${file}: signatures are not verified (the tenant's own, SII-accepted documents); its data is read as written`, () => {
      const document = parsed('dte', file);
      expect(document).toMatchObject({ kind: 'invoice', folio: '170', issuer: { taxId: '76354771-K' } });
    });
  }

  it('the modified amount is what is read, not the signed one', () => {
    const signed = parsed('dte', 'clsii-DTE--76354771-K--33--170--cleaned.xml');
    const changed = parsed('dte', 'clsii-DTE--76354771-K--33--170--cleaned-mod-changed-monto.xml');
    expect(signed).toMatchObject({ totalMinor: '2996301' });
    expect(changed).not.toMatchObject({ totalMinor: '2996301' });
  });

  for (const aec of assignments) {
    it(`${aec}: a cesión is refused, naming the company that collects the invoice now`, () => {
      expect(refusal('dte', aec)).toMatch(/AEC: the invoice was assigned \(cedida\) to .+ \(RUT \d+-[\dK]\)/);
    });
  }
});

describe('what is not an e-invoice', () => {
  const refused = (xml: string) => {
    const result = parseEInvoice(Buffer.from(xml));
    return result.ok ? `read as ${result.document.kind}` : result.reason;
  };

  it('refuses a DTD, the way XML bombs come in', () => {
    expect(refused('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><DTE/>')).toMatch(/DTD/);
  });

  it('refuses broken XML, an unknown root and an empty body, saying what is wrong', () => {
    expect(refused('<cfdi:Comprobante')).toMatch(/not well-formed/);
    expect(refused('<Factura/>')).toMatch(/root element <Factura>/);
    expect(refused('')).toMatch(/not well-formed|no root element/);
  });

  it('refuses an amount with more decimals than its currency has', () => {
    expect(decimalToMinor('10.005', 'MXN')).toBeUndefined();
    expect(decimalToMinor('10.500000', 'MXN')).toBe('1050');
    expect(decimalToMinor('2996301', 'CLP')).toBe('2996301');
    expect(decimalToMinor('1.5', 'CLP')).toBeUndefined();
  });

  it('reads a CFDI egreso related by TipoRelacion 01 as a credit note for that invoice', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0" Serie="NC" Folio="7"
        Fecha="2025-03-01T10:00:00" Moneda="MXN" Total="116.00" TipoDeComprobante="E">
        <cfdi:CfdiRelacionados TipoRelacion="01"><cfdi:CfdiRelacionado UUID="c2832671-da6d-11ef-a83d-00155d012007"/></cfdi:CfdiRelacionados>
        <cfdi:Emisor Rfc="ISD950921HE5" Nombre="Emisor"/><cfdi:Receptor Rfc="COSC8001137NA" Nombre="Receptor"/>
      </cfdi:Comprobante>`;
    const result = parseEInvoice(Buffer.from(xml));
    expect(result).toMatchObject({
      ok: true,
      document: {
        kind: 'credit_note',
        totalMinor: '11600',
        credits: { fiscalId: 'C2832671-DA6D-11EF-A83D-00155D012007' },
      },
    });
  });
});
