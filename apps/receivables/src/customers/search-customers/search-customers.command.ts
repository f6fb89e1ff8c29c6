import { z } from 'zod';

export const searchCustomersCommand = z.object({
  tenantId: z.string(),
  query: z.string().trim().max(100, 'must be at most 100 characters'),
  pageSize: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(200, 'must be at most 200')
    .transform((n) => n || 50),
  pageToken: z
    .string()
    .max(500, 'is not a page token from this API')
    .transform((token, ctx) => {
      if (token === '') return undefined;
      const after = decodePageToken(token);
      if (!after) ctx.addIssue({ code: 'custom', message: 'is not a page token from this API' });
      return after;
    }),
});

export type SearchCustomersCommand = z.infer<typeof searchCustomersCommand>;

/** Where the next page starts: after this (lower-case name, id). */
export type PageCursor = [string, string];

export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodePageToken(token: string): PageCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString());
    const ok = Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string');
    return ok ? (value as PageCursor) : undefined;
  } catch {
    return undefined;
  }
}
