import { z } from 'zod';
import { policyFields } from '../policy-fields';

/** The page token is the last pause's (until, customer id), opaque to clients. */
const pageToken = z.string().transform((token, ctx) => {
  if (token === '') return undefined;
  const [until, customerId, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (
    rest.length > 0 ||
    !policyFields.calendarDate.safeParse(until).success ||
    !z.uuid().safeParse(customerId).success
  ) {
    ctx.addIssue({ code: 'custom', message: 'is not a token this service gave' });
    return z.NEVER;
  }
  return { until, customerId };
});

export const listPausesCommand = z.object({
  tenantId: z.string(),
  pageSize: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(1000, 'must be at most 1000')
    .transform((n) => n || 100),
  pageToken,
});

export type ListPausesCommand = z.infer<typeof listPausesCommand>;

export const nextPausesToken = (row: { until: string; customer_id: string }) =>
  Buffer.from(`${row.until}|${row.customer_id}`).toString('base64url');
