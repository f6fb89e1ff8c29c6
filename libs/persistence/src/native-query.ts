import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A statement with its parameters sent to PostgreSQL as parameters ($1, $2…),
 * in the entity manager's transaction when it has one. em.execute() inlines
 * every parameter into the SQL text, which costs quoting and parsing in
 * proportion to the data: bulk statements (a batch of rows as one JSON
 * parameter) go through here instead.
 */
export async function nativeQuery<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const knex = (em.getTransactionContext() as ReturnType<EntityManager['getKnex']> | undefined) ?? em.getKnex();
  const result = (await knex.raw(sql, params as never[])) as { rows: T[] };
  return result.rows;
}
