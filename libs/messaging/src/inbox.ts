import type { EntityManager, QueryResult } from '@mikro-orm/postgresql';
import { qualified } from './messaging-tables';

/**
 * Inbox: true the first time (consumer, messageId) is claimed inside em's
 * transaction, false if it was already processed. A concurrent claim of the same
 * message waits on the primary key until the first transaction ends, so only
 * one of them ever applies the effect.
 */
export async function claimOnce(
  em: EntityManager,
  schema: string,
  consumer: string,
  messageId: string,
): Promise<boolean> {
  // Claimed outside a transaction, the message would count as processed even if the effect rolled back.
  if (!em.isInTransaction()) throw new Error('messaging: claimOnce() must run inside the transaction of the effect');
  const result = await em.execute<QueryResult>(
    `insert into ${qualified(schema, 'inbox')} (consumer, message_id) values (?, ?) on conflict do nothing`,
    [consumer, messageId],
    'run',
  );
  return result.affectedRows === 1;
}
