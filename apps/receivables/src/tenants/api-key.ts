import { createHash, randomBytes } from 'node:crypto';

/** A new API key: shown to the caller once; only its hash is kept. */
export function newApiKey(): string {
  return `chq_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}
