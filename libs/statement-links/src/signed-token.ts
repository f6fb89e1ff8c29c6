import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A token carrying fields, readable (base64url JSON), and an HMAC-SHA256 over them
 * with a secret its signer and its reader share. Nothing is stored: a token cannot
 * be forged or altered. What the fields mean, and their expiry, is the caller's.
 */
export function signToken(secret: string, fields: unknown[]): string {
  const payload = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The fields of a token signed with `secret`; undefined when it was not, or does not hold JSON. */
export function verifyToken(secret: string, token: string): unknown {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(mac(secret, payload), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined; // a signature only says who signed
  }
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
