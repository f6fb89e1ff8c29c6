const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** "<schema>".dead_letters, refusing anything that is not a plain identifier (it is spliced into SQL). */
export function deadLettersTable(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`messaging: invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"."dead_letters"`;
}

/**
 * SQL (idempotent) for <schema>.dead_letters, where a service keeps every
 * message its consumers gave up on, with why, until an operator replays it.
 * One pending letter per (queue, message id): the archive may see a letter
 * twice (a crash before its ack), a replayed message that dies again is a new one.
 */
export function deadLettersTableSql(schema: string): string[] {
  const table = deadLettersTable(schema);
  return [
    `create table if not exists ${table} (
      id uuid primary key,
      queue text not null,
      message_id text not null,
      type text not null,
      tenant_id text not null,
      body bytea not null,
      headers jsonb not null,
      reason text not null,
      death text not null check (death in ('permanent', 'transient', 'poison', 'broker')),
      attempts int not null,
      enqueued_at timestamptz,
      dead_lettered_at timestamptz not null,
      archived_at timestamptz not null default now(),
      replayed_at timestamptz,
      replayed_by text)`,
    `create unique index if not exists dead_letters_pending on ${table} (queue, message_id) where replayed_at is null`,
    `create index if not exists dead_letters_by_time on ${table} (dead_lettered_at, id)`,
  ];
}
