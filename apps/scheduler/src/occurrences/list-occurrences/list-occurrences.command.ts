import { z } from 'zod';

const optionalId = z.union([z.literal(''), z.uuid('must be a UUID')]).transform((id) => id.toLowerCase());

/** The page token is the last row's (decided_at, id), opaque to clients. */
const pageToken = z.string().transform((token, ctx) => {
  if (token === '') return undefined;
  const [decidedAt, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!decidedAt || !z.uuid().safeParse(id).success || Number.isNaN(Date.parse(decidedAt))) {
    ctx.addIssue({ code: 'custom', message: 'is not a token this service gave' });
    return z.NEVER;
  }
  return { decidedAt, id };
});

export const listOccurrencesCommand = z.object({
  tenantId: z.string(),
  customerId: optionalId,
  ruleId: optionalId,
  pageSize: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(1000, 'must be at most 1000')
    .transform((n) => n || 100),
  pageToken,
});

export type ListOccurrencesCommand = z.infer<typeof listOccurrencesCommand>;

export const nextPageToken = (row: { cursor: string; id: string }) =>
  Buffer.from(`${row.cursor}|${row.id}`).toString('base64url');
