import { connectProbe } from '@chasqui/testing';
import type { Log } from '@chasqui/observability';
import { ormOptions } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { type ChannelModel, type ConfirmChannel, type GetMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { messagingTablesSql } from '../src';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A Log that keeps what it was told, so a test can check what an operator would read. */
export function recordingLog(): Log & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      entries.push({ level, message, fields });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns something truthy; fails with `what` after timeoutMs. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** An ORM on the test database whose sessions carry `applicationName`, with the messaging tables in `schema`. */
export async function openTestOrm(
  clientUrl: string,
  schema: string,
  applicationName = 'messaging-test',
): Promise<MikroORM> {
  const orm = await MikroORM.init({
    ...ormOptions({ clientUrl, schema, entities: [], migrations: [] }),
    driverOptions: { connection: { application_name: applicationName } },
  });
  for (const sql of messagingTablesSql(schema)) await orm.em.getConnection().execute(sql);
  return orm;
}

/** The test's own view of the broker: a plain amqplib confirm channel. */
export async function brokerProbe(url: string): Promise<{ connection: ChannelModel; channel: ConfirmChannel }> {
  const connection = await connectProbe(url);
  const channel = await connection.createConfirmChannel();
  return { connection, channel };
}

/** Publishes like the relay does (persistent, messageId, type, headers) and waits for the confirm. */
export async function publishLikeRelay(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  body: string,
  messageId: string = randomUUID(),
): Promise<string> {
  channel.publish(exchange, routingKey, Buffer.from(body), {
    persistent: true,
    contentType: 'application/x-protobuf',
    messageId,
    type: 'chasqui.test.v1.Thing',
    timestamp: Math.floor(Date.now() / 1000),
    headers: { 'tenant-id': 'tenant-1', 'idempotency-key': `key-${messageId}`, traceparent: '00-1-2-01' },
  });
  await channel.waitForConfirms();
  return messageId;
}

/** The next message in `queue`, taken off it. */
export function takeMessage(channel: ConfirmChannel, queue: string): Promise<GetMessage> {
  return eventually(`a message in ${queue}`, async () => (await channel.get(queue, { noAck: true })) || undefined);
}

export async function readyCount(channel: ConfirmChannel, queue: string): Promise<number> {
  return (await channel.checkQueue(queue)).messageCount;
}
