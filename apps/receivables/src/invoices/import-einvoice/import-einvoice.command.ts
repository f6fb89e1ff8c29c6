import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../attach-document/attach-document.command';

export const importEInvoiceCommand = z.object({
  tenantId: z.string(),
  xml: z
    .instanceof(Uint8Array, { error: 'is required' })
    .refine((bytes) => bytes.length > 0, 'is empty')
    .refine((bytes) => bytes.length <= MAX_ATTACHMENT_BYTES, 'is larger than 5 MB'),
  customerExternalId: z.string().trim().max(100, 'must be at most 100 characters'),
  filename: z
    .string()
    .trim()
    .max(255, 'must be at most 255 characters')
    .refine((name) => !/[\\/\u0000-\u001f]/.test(name), 'must be a plain file name'),
});

export type ImportEInvoiceCommand = z.infer<typeof importEInvoiceCommand>;
