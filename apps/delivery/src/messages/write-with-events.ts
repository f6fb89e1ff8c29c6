import { enqueue, type OutboxRelay, type OutgoingMessage } from '@chasqui/messaging';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';

export type Publish = (event: OutgoingMessage) => Promise<void>;

/** A transaction whose events go into the outbox with it, and are published once it committed. */
export async function writeWithEvents<T>(
  orm: MikroORM,
  outbox: OutboxRelay,
  work: (em: EntityManager, publish: Publish) => Promise<T>,
): Promise<T> {
  let published = false;
  const result = await orm.em.fork().transactional((em) =>
    work(em, async (event) => {
      await enqueue(em, SCHEMA, event);
      published = true;
    }),
  );
  if (published) outbox.nudge();
  return result;
}
