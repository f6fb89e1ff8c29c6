import type { DeadLetterFilter } from '@chasqui/messaging';
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A protobuf Timestamp as proto-loader hands it over (int64 seconds as a decimal string); absent stays absent. */
const instant = z
  .object({ seconds: z.string().regex(/^-?\d+$/, 'seconds must be an integer'), nanos: z.number().int() })
  .nullish()
  .transform((t) => (t ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)) : undefined));

const filter = z
  .object({
    queue: z.string().max(200).default(''),
    reasonContains: z.string().max(500).default(''),
    tenantId: z.string().max(100).default(''),
    deadBefore: instant,
    deadAfter: instant,
    ids: z.array(z.string().regex(UUID, 'must be a dead letter id')).max(1000).default([]),
  })
  .nullish()
  .transform((f): DeadLetterFilter => {
    if (!f) return {};
    return {
      queue: f.queue || undefined,
      reasonContains: f.reasonContains || undefined,
      tenantId: f.tenantId || undefined,
      deadBefore: f.deadBefore,
      deadAfter: f.deadAfter,
      ids: f.ids.length > 0 ? f.ids : undefined,
    };
  });

/** Page tokens: the last letter's (dead_lettered_at, id), opaque to callers. */
export const deadLetterPageToken = {
  write: (letter: { deadLetteredAt: Date; id: string }): string =>
    Buffer.from(JSON.stringify([letter.deadLetteredAt.toISOString(), letter.id])).toString('base64url'),
  read: (token: string): { deadLetteredAt: Date; id: string } | undefined => {
    try {
      const [at, id] = JSON.parse(Buffer.from(token, 'base64url').toString()) as [string, string];
      const deadLetteredAt = new Date(at);
      return typeof id === 'string' && UUID.test(id) && !Number.isNaN(deadLetteredAt.getTime())
        ? { deadLetteredAt, id }
        : undefined;
    } catch {
      return undefined;
    }
  },
};

export const listDeadLettersCommand = z.object({
  filter,
  includeReplayed: z.boolean().default(false),
  pageSize: z
    .number()
    .int()
    .min(0)
    .max(500)
    .transform((n) => n || 100),
  pageToken: z
    .string()
    .refine((t) => t === '' || deadLetterPageToken.read(t) !== undefined, 'not a token this call gave')
    .transform((t) => (t ? deadLetterPageToken.read(t) : undefined)),
});

export type ListDeadLettersCommand = z.infer<typeof listDeadLettersCommand>;

export const replayDeadLettersCommand = z
  .object({
    filter,
    all: z.boolean().default(false),
    limit: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .transform((n) => n || 100),
    note: z.string().max(500).default(''),
  })
  .refine((c) => c.all || Object.values(c.filter).some((v) => v !== undefined), {
    message: 'narrow the replay with a filter, or say all = true',
    path: ['filter'],
  });

export type ReplayDeadLettersCommand = z.infer<typeof replayDeadLettersCommand>;
