import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { realStatementPdf } from './statement-pdf';

/** The size of the statement PDF every benchmarked email carries (ARCHITECTURE §10: 60 KB). */
export const ATTACHMENT_BYTES = 60 * 1024;

/** The same reminder on both sides: the bare loop sends it as is, the renderer's send jobs carry it. */
export const REMINDER = {
  from: 'Chasqui <cobranza@chasqui.local>',
  to: 'pagos@cliente.example',
  subject: 'Recordatorio: factura F-1 vencida',
  html: '<p>Estimado cliente, su factura F-1 venció hace 5 días. Adjuntamos su estado de cuenta.</p>',
  text: 'Estimado cliente, su factura F-1 venció hace 5 días. Adjuntamos su estado de cuenta.',
  filename: 'estado-de-cuenta.pdf',
  contentType: 'application/pdf',
};

/** A PDF-shaped attachment: random bytes (incompressible, like a PDF's streams) between a PDF header and trailer. */
export function statementPdf(): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(ATTACHMENT_BYTES - head.length - tail.length), tail]);
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';

/**
 * The real statement PDF, rendered as the renderer renders it, when Chromium
 * is here; else a PDF-shaped stand-in of the §10 size (the report says which).
 */
export async function statementPdfOrStandIn(): Promise<{ pdf: Buffer; kind: string }> {
  if (!existsSync(CHROMIUM)) return { pdf: statementPdf(), kind: 'a 60 KB stand-in PDF (no Chromium here)' };
  return { pdf: await realStatementPdf(CHROMIUM), kind: "the renderer's statement PDF" };
}
