import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const kinds = { ATTACHMENT_KIND_XML: 'xml', ATTACHMENT_KIND_PDF: 'pdf' } as const;

export const attachDocumentCommand = z
  .object({
    tenantId: z.string(),
    invoiceId: fields.id,
    kind: z
      .enum(['ATTACHMENT_KIND_XML', 'ATTACHMENT_KIND_PDF'], { error: 'must be XML or PDF' })
      .transform((kind) => kinds[kind]),
    filename: fields.text(255).refine((name) => !/[\\/\u0000-\u001f]/.test(name), 'must be a plain file name'),
    content: z
      .instanceof(Uint8Array, { error: 'is required' })
      .refine((bytes) => bytes.length > 0, 'is empty')
      .refine((bytes) => bytes.length <= MAX_ATTACHMENT_BYTES, 'is larger than 5 MB'),
  })
  .refine((c) => looksLike(c.kind, c.content), { path: ['content'], message: 'does not look like the kind it claims' });

export type AttachDocumentCommand = z.infer<typeof attachDocumentCommand>;

/** A cheap check of the leading bytes, so a PDF is not filed as the fiscal XML. */
function looksLike(kind: 'xml' | 'pdf', content: Uint8Array): boolean {
  const head = Buffer.from(content.subarray(0, 64))
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  return kind === 'pdf' ? head.startsWith('%PDF-') : head.startsWith('<');
}
