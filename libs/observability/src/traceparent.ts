import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in blocks: one call to the system's generator per 256 trace ids, not two per id. */
const POOL = Buffer.alloc(24 * 256);
let offset = POOL.length;

/** A W3C trace-context header for work that starts here. */
export function newTraceparent(): string {
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const traceId = POOL.toString('hex', offset, offset + 16);
  const spanId = POOL.toString('hex', offset + 16, offset + 24);
  offset += 24;
  return `00-${traceId}-${spanId}-01`;
}
