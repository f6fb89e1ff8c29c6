import { createHash } from 'node:crypto';
import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';
import { occurrenceFields, type StatusFilter } from '../occurrence-fields';

/** Where a page ends: the last row's (decided_at, id). */
export interface PageCursor {
  decidedAt: string;
  id: string;
}

interface Filters {
  customerId: string | null;
  ruleId: string | null;
  invoiceId: string | null;
  status: StatusFilter | null;
  reason: string | null;
  decidedFrom: Date | null;
  decidedTo: Date | null;
}

/** A short digest of the filters a token was given under: a token is only good for the listing it came from. */
function filtersDigest(filters: Filters): string {
  const canonical = JSON.stringify([
    filters.customerId,
    filters.ruleId,
    filters.invoiceId,
    filters.status,
    filters.reason,
    filters.decidedFrom?.toISOString() ?? null,
    filters.decidedTo?.toISOString() ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/** The page token is the last row's (decided_at, id) and the filters' digest, opaque to clients. */
export const nextPageToken = (row: { cursor: string; id: string }, filters: Filters) =>
  Buffer.from(`${row.cursor}|${row.id}|${filtersDigest(filters)}`).toString('base64url');

const NOT_OURS = 'is not a token this service gave';

function readToken(token: string): (PageCursor & { digest?: string }) | 'invalid' {
  const [decidedAt, id, digest, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!decidedAt || !z.uuid().safeParse(id).success || Number.isNaN(Date.parse(decidedAt)) || rest.length > 0) {
    return 'invalid';
  }
  // A token of the version before filters (two parts) is taken as it is.
  return { decidedAt, id, digest };
}

export const listOccurrencesCommand = z
  .object({
    tenantId: z.string(),
    customerId: policyFields.optionalId,
    ruleId: policyFields.optionalId,
    invoiceId: occurrenceFields.optionalId,
    status: occurrenceFields.status,
    reason: occurrenceFields.reason,
    decidedFrom: occurrenceFields.instant,
    decidedTo: occurrenceFields.instant,
    pageSize: z
      .number()
      .int()
      .min(0, 'must not be negative')
      .max(1000, 'must be at most 1000')
      .transform((n) => n || 100),
    pageToken: z.string(),
  })
  .refine((c) => !c.decidedFrom || !c.decidedTo || c.decidedTo > c.decidedFrom, {
    path: ['decidedTo'],
    message: 'must be after decided_from',
  })
  .transform((command, ctx) => {
    const { pageToken, ...rest } = command;
    if (pageToken === '') return { ...rest, after: undefined };
    const read = readToken(pageToken);
    if (read === 'invalid') {
      ctx.addIssue({ code: 'custom', path: ['pageToken'], message: NOT_OURS });
      return z.NEVER;
    }
    if (read.digest !== undefined && read.digest !== filtersDigest(rest)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pageToken'],
        message: 'was given for other filters: ask again from the first page',
      });
      return z.NEVER;
    }
    return { ...rest, after: { decidedAt: read.decidedAt, id: read.id } };
  });

export type ListOccurrencesCommand = z.infer<typeof listOccurrencesCommand>;
export type { Filters as OccurrenceFilters };
