import { createHmac, timingSafeEqual } from 'node:crypto';

/** One stored invoice document (XML or PDF) a customer may download, until when. */
export interface DocumentLink {
  tenantId: string;
  attachmentId: string;
  /** Seconds since the epoch after which the link no longer opens. */
  expiresAt: number;
}

/** Marks the payload as a document's: a statement token can never open as one, nor the reverse. */
const MARK = 'document';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A document link token, signed like a statement link (HMAC-SHA256, nothing stored). */
export function signDocumentLink(secret: string, link: DocumentLink): string {
  const payload = Buffer.from(JSON.stringify([MARK, link.tenantId, link.attachmentId, link.expiresAt])).toString(
    'base64url',
  );
  return `${payload}.${mac(secret, payload)}`;
}

export type OpenedDocumentLink = { link: DocumentLink } | { refused: 'invalid' | 'expired' };

export function openDocumentLink(secret: string, token: string, nowSeconds: number): OpenedDocumentLink {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return { refused: 'invalid' };
  const expected = Buffer.from(mac(secret, payload), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'invalid' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { refused: 'invalid' };
  }
  if (
    !Array.isArray(fields) ||
    fields.length !== 4 ||
    fields[0] !== MARK ||
    typeof fields[1] !== 'string' ||
    !UUID.test(fields[1]) ||
    typeof fields[2] !== 'string' ||
    !UUID.test(fields[2]) ||
    !Number.isInteger(fields[3])
  ) {
    return { refused: 'invalid' };
  }
  const [, tenantId, attachmentId, expiresAt] = fields as [string, string, string, number];
  if (nowSeconds > expiresAt) return { refused: 'expired' };
  return { link: { tenantId, attachmentId, expiresAt } };
}

/** The address a customer opens for a document: the renderer's public base and the token. */
export function documentUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/documents/${token}`;
}
