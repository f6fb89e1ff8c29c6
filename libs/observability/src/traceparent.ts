import { randomBytes } from 'node:crypto';

/** A W3C trace-context header for work that starts here. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
