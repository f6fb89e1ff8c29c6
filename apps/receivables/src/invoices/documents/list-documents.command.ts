import { z } from 'zod';
import type { ListDocumentsQuery } from './list-documents.usecase';

export const listDocumentsQuery = z.object({
  tenantId: z.string(),
  invoiceIds: z.array(z.uuid('must be an invoice id')).min(1, 'required').max(100, 'at most 100'),
  maxBytes: z.coerce
    .number()
    .int()
    .min(0, 'must be 0 or more')
    .max(64 * 1024 * 1024),
}) satisfies z.ZodType<ListDocumentsQuery>;
