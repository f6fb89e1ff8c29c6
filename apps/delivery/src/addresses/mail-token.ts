import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromBase32, toBase32 } from './base32';

/** What a token lets its bearer do: be a bounce of, a reply to, or an unsubscribe from one message. */
export type TokenPurpose = 'bounce' | 'reply' | 'unsubscribe';

export type OpenedToken = { messageId: string; issuedOn: Date } | { refused: 'invalid' | 'expired' };

const DAY_MS = 86_400_000;
const MAC_BYTES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A token naming one message, for one purpose: the message's id and the day
 * it was issued, then an HMAC over both and the purpose (80 bits). Nothing is
 * stored; it cannot be forged, guessed or reused for another purpose, and it
 * expires. Lower-case base32, so it survives servers that fold the local part.
 */
export function signMailToken(secret: string, purpose: TokenPurpose, messageId: string, issuedAt: Date): string {
  if (!UUID.test(messageId)) throw new Error(`a mail token names a message by its UUID, not ${messageId}`);
  const payload = Buffer.alloc(20);
  Buffer.from(messageId.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUInt32BE(Math.floor(issuedAt.getTime() / DAY_MS), 16);
  return toBase32(Buffer.concat([payload, mac(secret, purpose, payload)]));
}

/** The message a token names, if it was signed with `secret` for `purpose` and is younger than `ttlDays`. */
export function openMailToken(
  secret: string,
  purpose: TokenPurpose,
  token: string,
  now: Date,
  ttlDays: number,
): OpenedToken {
  const bytes = fromBase32(token.toLowerCase());
  if (!bytes || bytes.length !== 20 + MAC_BYTES) return { refused: 'invalid' };
  const payload = bytes.subarray(0, 20);
  if (!timingSafeEqual(bytes.subarray(20), mac(secret, purpose, payload))) return { refused: 'invalid' };
  const issuedOn = new Date(payload.readUInt32BE(16) * DAY_MS);
  if (now.getTime() - issuedOn.getTime() > (ttlDays + 1) * DAY_MS) return { refused: 'expired' };
  const hex = payload.subarray(0, 16).toString('hex');
  const messageId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { messageId, issuedOn };
}

function mac(secret: string, purpose: TokenPurpose, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update(purpose).update(payload).digest().subarray(0, MAC_BYTES);
}
