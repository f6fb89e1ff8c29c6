const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** "<schema>"."<table>", refusing anything that is not a plain identifier (it is spliced into SQL). */
export function qualified(schema: string, table: 'outbox' | 'inbox'): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`messaging: invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"."${table}"`;
}

/** SQL (idempotent) that creates <schema>.outbox and <schema>.inbox; apps run it from their migrations. */
export function messagingTablesSql(schema: string): string[] {
  const outbox = qualified(schema, 'outbox');
  const inbox = qualified(schema, 'inbox');
  return [
    `create schema if not exists "${schema}"`,
    // id is the AMQP messageId (stable across republishes); seq gives the relay its order.
    `create table if not exists ${outbox} (
      id uuid primary key,
      seq bigint generated always as identity,
      exchange text not null,
      routing_key text not null,
      type text not null,
      body bytea not null,
      tenant_id text not null,
      idempotency_key text not null,
      traceparent text not null,
      created_at timestamptz not null default now(),
      claimed_until timestamptz)`,
    `create index if not exists outbox_seq_idx on ${outbox} (seq)`,
    `create table if not exists ${inbox} (
      consumer text not null,
      message_id text not null,
      processed_at timestamptz not null default now(),
      primary key (consumer, message_id))`,
  ];
}

/** The channel an outbox's insert trigger notifies, and its relays listen on. */
export function outboxChannel(schema: string): string {
  qualified(schema, 'outbox'); // the same identifier rule
  return `${schema}_outbox`;
}

/**
 * SQL (idempotent) that makes every insert into <schema>.outbox notify the
 * relays listening on its channel when the inserting transaction commits
 * (one notification per statement; PostgreSQL folds repeats in a transaction).
 */
export function outboxNotifySql(schema: string): string[] {
  const outbox = qualified(schema, 'outbox');
  return [
    `create or replace function "${schema}".outbox_notify() returns trigger language plpgsql as $$
     begin
       perform pg_notify('${outboxChannel(schema)}', '');
       return null;
     end $$`,
    `create or replace trigger outbox_notify after insert on ${outbox}
       for each statement execute function "${schema}".outbox_notify()`,
  ];
}

/**
 * SQL (idempotent) for outboxes written before rows could be claimed: the
 * column a writer that publishes its own rows (OutboxRelay.dispatch) sets, so
 * the relay leaves such a row alone until the claim runs out.
 */
export function outboxClaimsSql(schema: string): string[] {
  return [`alter table ${qualified(schema, 'outbox')} add column if not exists claimed_until timestamptz`];
}

/**
 * SQL (idempotent) replacing outboxNotifySql's trigger, for an outbox whose
 * writers claim their rows and publish them themselves (single-row inserts on
 * a hot path): only a row left unclaimed wakes the relays, so a claimed row
 * costs them nothing. Row by row, so not for outboxes filled in bulk.
 */
export function outboxNotifyUnclaimedSql(schema: string): string[] {
  const [notify] = outboxNotifySql(schema);
  return [
    notify,
    `create or replace trigger outbox_notify after insert on ${qualified(schema, 'outbox')}
       for each row when (new.claimed_until is null) execute function "${schema}".outbox_notify()`,
  ];
}

/**
 * SQL (idempotent) for an outbox whose bodies run to tens of kilobytes and are
 * mostly incompressible (a send job carries its statement PDF): bodies are
 * compressed with lz4, not PostgreSQL's default pglz, which spent ~0.6 ms a row
 * on a 46 KB send job trying (and failing) to shrink the PDF; lz4 shrinks the
 * job's HTML and text, and writes a third less. Rows already stored keep theirs.
 * A PostgreSQL built without lz4 keeps pglz (with a notice), slower but correct.
 */
export function outboxLz4Sql(schema: string): string[] {
  return [
    `do $$ begin
       alter table ${qualified(schema, 'outbox')} alter column body set compression lz4;
     exception when feature_not_supported then
       raise notice 'this PostgreSQL has no lz4: % keeps the default compression', '${schema}.outbox';
     end $$`,
  ];
}
