import { documentUrl, signDocumentLink } from './document-link';
import { signToken, verifyToken } from './signed-token';

/** Whose statement a link opens, as of which date, until when. */
export interface StatementLink {
  tenantId: string;
  customerId: string;
  /** YYYY-MM-DD: the statement's date (balances are read when the link is opened). */
  asOf: string;
  /** Seconds since the epoch after which the link no longer opens. */
  expiresAt: number;
}

/** How long a link opens by default: a reminder is read days after it arrives, rarely months. */
export const LINK_DAYS = 30;

/**
 * A link token: the link's fields, readable, and an HMAC-SHA256 over them with
 * a secret the renderer (which opens links) and the services that hand them
 * out share. Nothing is stored: a link cannot be forged or altered, only
 * expire.
 */
export function signStatementLink(secret: string, link: StatementLink): string {
  return signToken(secret, [link.tenantId, link.customerId, link.asOf, link.expiresAt]);
}

export type OpenedLink = { link: StatementLink } | { refused: 'invalid' | 'expired' };

/** The link a token stands for, if it was signed with `secret` and has not expired at `nowSeconds`. */
export function openStatementLink(secret: string, token: string, nowSeconds: number): OpenedLink {
  const fields = verifyToken(secret, token);
  if (!isLinkFields(fields)) return { refused: 'invalid' };
  const [tenantId, customerId, asOf, expiresAt] = fields;
  if (nowSeconds > expiresAt) return { refused: 'expired' };
  return { link: { tenantId, customerId, asOf, expiresAt } };
}

/** The address a customer opens: the renderer's public base and the token. */
export function statementUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/statements/${token}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The fields of a link, each of its kind: a link names a real tenant, customer and day, or nothing. */
function isLinkFields(value: unknown): value is [string, string, string, number] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    UUID.test(value[0]) &&
    typeof value[1] === 'string' &&
    UUID.test(value[1]) &&
    typeof value[2] === 'string' &&
    isCalendarDate(value[2]) &&
    Number.isInteger(value[3])
  );
}

/** Hands out links: the shared key and where customers reach the renderer. */
export class StatementLinkIssuer {
  constructor(
    private readonly secret: string,
    private readonly base: string,
  ) {}

  /** A customer's statement as of a date, openable for LINK_DAYS from `now`. */
  url(link: Omit<StatementLink, 'expiresAt'>, now: Date): string {
    const expiresAt = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
    return statementUrl(this.base, signStatementLink(this.secret, { ...link, expiresAt }));
  }

  /** One of a tenant's stored invoice documents, downloadable for LINK_DAYS from `now`. */
  documentUrl(tenantId: string, attachmentId: string, now: Date): string {
    const expiresAt = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
    return documentUrl(this.base, signDocumentLink(this.secret, { tenantId, attachmentId, expiresAt }));
  }
}
