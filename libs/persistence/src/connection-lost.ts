import { ConnectionException } from '@mikro-orm/core';

/** SQLSTATEs of a server that went away or is not there yet: connection exceptions, shutdowns, start-up. */
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// "Transaction query already complete": knex's answer to the next statement of a transaction whose
// connection died under it (the services never query a finished transaction on purpose).
const LOST_MESSAGES =
  /Connection terminated|connection error and is not queryable|Timeout acquiring a connection|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Transaction query already complete/i;

/**
 * Whether a failure means the database was unreachable (down, restarting, out
 * of connections) rather than that the statement was wrong: the first is
 * worth waiting out, the second is not.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ConnectionException) return true;
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || NETWORK_CODES.has(code))) return true;
    if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/**
 * Runs `work` until it gets through, waiting out a database that is down
 * (growing pauses, up to `forMs`); any other failure is thrown at once. For a
 * write that records something that already happened elsewhere (an SMTP
 * server's 250), which must not be lost because the database blinked.
 */
export async function untilDatabaseAnswers<T>(work: () => Promise<T>, forMs: number): Promise<T> {
  const until = Date.now() + forMs;
  for (let pauseMs = 250; ; pauseMs = Math.min(pauseMs * 2, 5_000)) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionLost(error) || Date.now() + pauseMs > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
