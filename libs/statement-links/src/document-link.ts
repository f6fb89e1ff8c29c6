import { signToken, verifyToken } from './signed-token';

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

/** A document link token, signed like a statement link (HMAC-SHA256, nothing stored). */
export function signDocumentLink(secret: string, link: DocumentLink): string {
  return signToken(secret, [MARK, link.tenantId, link.attachmentId, link.expiresAt]);
}

export type OpenedDocumentLink = { link: DocumentLink } | { refused: 'invalid' | 'expired' };

export function openDocumentLink(secret: string, token: string, nowSeconds: number): OpenedDocumentLink {
  const fields = verifyToken(secret, token);
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
