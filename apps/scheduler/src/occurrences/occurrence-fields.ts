import { scheduler } from '@chasqui/contracts';
import { z } from 'zod';
import type { OccurrenceStatus } from './occurrence.repository';

/** What a tenant can filter on: a stored status, or a queued occurrence whose render or send job died. */
export type StatusFilter = OccurrenceStatus | 'dead_lettered';

const statusFilters: Record<scheduler.OccurrenceStatus, StatusFilter | null> = {
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_UNSPECIFIED]: null,
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED]: 'queued',
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED]: 'skipped',
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_MISSED]: 'missed',
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL]: 'awaiting_approval',
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_DEAD_LETTERED]: 'dead_lettered',
  [scheduler.OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED]: 'cancelled',
};

// A protobuf Timestamp's own range: 0001-01-01 to 9999-12-31.
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;

/** Field rules of the occurrence requests. */
export const occurrenceFields = {
  /** Unspecified (or absent): any status. */
  status: z
    .union([z.string(), z.number()], 'is not a known status')
    .nullish()
    .refine((s) => s == null || (typeof s === 'string' && s in statusFilters), 'is not a known status')
    .transform((s) => (s ? statusFilters[s as scheduler.OccurrenceStatus] : null)),
  /** An id to filter on; absent or '': any. */
  optionalId: z
    .union([z.literal(''), z.uuid('must be a UUID')])
    .nullish()
    .transform((id) => id?.toLowerCase() || null),
  /** A reason as occurrences give it; absent or '': any. */
  reason: z
    .string()
    .regex(/^([a-z][a-z0-9_]{0,63})?$/, 'must be a reason as occurrences give it, e.g. no_deliverable_contact')
    .nullish()
    .transform((r) => r || null),
  /** An optional instant, as a Date (millisecond precision). */
  instant: z
    .object({
      seconds: z
        .string()
        .regex(/^-?\d+$/, 'seconds must be an integer')
        .refine((s) => Number(s) >= MIN_SECONDS && Number(s) <= MAX_SECONDS, 'must be between years 1 and 9999'),
      nanos: z.number().int().min(0, 'nanos must be 0 to 999999999').max(999_999_999, 'nanos must be 0 to 999999999'),
    })
    .nullish()
    .transform((t) => (t ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)) : null)),
};
