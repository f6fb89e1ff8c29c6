import { connect } from 'amqplib';
import { Client } from 'pg';
import { PrivatePostgres, PrivateRabbitmq } from '../src';

jest.setTimeout(180_000);

describe('a private PostgreSQL cluster', () => {
  let postgres: PrivatePostgres;

  const query = async (sql: string): Promise<Record<string, unknown>[]> => {
    const client = new Client({ connectionString: postgres.url() });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
  });

  afterAll(async () => {
    await postgres?.destroy();
    await postgres?.destroy();
  });

  it('runs on a port of its own', async () => {
    expect(postgres.port).not.toBe(5432);
    expect(postgres.url('app')).toBe(`postgres://postgres@127.0.0.1:${postgres.port}/app`);
    expect(await query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it.each(['immediate', 'fast'] as const)(
    'keeps committed rows across a restart (%s), which ends the sessions open before it',
    async (mode) => {
      const table = `committed_${mode}`;
      await query(`create table ${table} (id int primary key)`);
      await query(`insert into ${table} select generate_series(1, 100)`);
      const before = new Client({ connectionString: postgres.url() });
      before.on('error', () => undefined);
      await before.connect();

      await postgres.restart(mode);

      await expect(before.query('select 1')).rejects.toThrow();
      await before.end().catch(() => undefined);
      expect(await query(`select count(*)::int as rows from ${table}`)).toEqual([{ rows: 100 }]);
    },
  );

  it('stays down between stopServer() and startServer()', async () => {
    await postgres.stopServer('fast');
    await expect(query('select 1')).rejects.toThrow(/ECONNREFUSED/);

    await postgres.startServer();

    expect(await query('select count(*)::int as rows from committed_fast')).toEqual([{ rows: 100 }]);
  });
});

describe('a private RabbitMQ node', () => {
  const QUEUE = 'chaos.durable';
  let rabbitmq: PrivateRabbitmq;

  beforeAll(async () => {
    rabbitmq = await PrivateRabbitmq.start();
  });

  afterAll(async () => {
    await rabbitmq?.destroy();
    await rabbitmq?.destroy();
  });

  it('runs on a port of its own', () => {
    expect(rabbitmq.port).not.toBe(5672);
    expect(rabbitmq.url()).toBe(`amqp://guest:guest@127.0.0.1:${rabbitmq.port}`);
  });

  it('keeps a durable queue and its confirmed persistent messages across a restart', async () => {
    const publisher = await connect(rabbitmq.url());
    const confirms = await publisher.createConfirmChannel();
    await confirms.assertQueue(QUEUE, { durable: true });
    for (const body of ['one', 'two', 'three']) confirms.sendToQueue(QUEUE, Buffer.from(body), { persistent: true });
    await confirms.waitForConfirms();
    const closed = new Promise((resolve) => publisher.once('close', resolve));
    publisher.on('error', () => undefined);

    await rabbitmq.restart();

    await closed;
    const consumer = await connect(rabbitmq.url());
    try {
      const channel = await consumer.createChannel();
      expect((await channel.checkQueue(QUEUE)).messageCount).toBe(3);
      const bodies: string[] = [];
      for (let i = 0; i < 3; i++) {
        const message = await channel.get(QUEUE, { noAck: true });
        if (message) bodies.push(message.content.toString());
      }
      expect(bodies).toEqual(['one', 'two', 'three']);
    } finally {
      await consumer.close();
    }
  });

  it('stays down between stopServer() and startServer()', async () => {
    await rabbitmq.stopServer();
    await expect(connect(rabbitmq.url())).rejects.toThrow(/ECONNREFUSED/);

    await rabbitmq.startServer();

    const connection = await connect(rabbitmq.url());
    await connection.close();
  });
});
