import { randomBytes } from 'node:crypto';

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
