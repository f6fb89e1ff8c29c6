import { Exchanges, operations, RoutingKeys, scheduler } from '@chasqui/contracts';
import { connectProbe, settle, waitFor } from '@chasqui/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';

/**
 * Poison messages as an operator meets them: dead-lettered on the first
 * failure with the reason, shown where the tenant looks (the occurrence says
 * dead_lettered), listed per service, and replayed once the cause is fixed —
 * delivered exactly once.
 */
describe('poison messages and their replay', () => {
  const stack = new Stack();
  let sql: Client;
  beforeAll(async () => {
    await stack.start();
    sql = new Client({ connectionString: stack.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await stack.stop();
  });

  const occurrenceOf = async (auth: Parameters<typeof stack.scheduler.listOccurrences>[1], customerId: string) => {
    const { occurrences } = await firstValueFrom(
      stack.scheduler.listOccurrences({ customerId, ruleId: '', pageSize: 0, pageToken: '' }, auth),
    );
    return occurrences[0];
  };

  /**
   * A customer and its invoices handed to another tenant behind the services' backs, in one statement: an
   * invoice's customer is its own tenant's (a composite foreign key), checked when the statement ends.
   */
  const moveCustomer = (customerId: string, tenantId: string) =>
    sql.query(
      `with moved as (update receivables.customers set tenant_id = $2 where id = $1 returning id)
       update receivables.invoices set tenant_id = $2 where customer_id in (select id from moved)`,
      [customerId, tenantId],
    );

  it('a render job for a customer gone from the ledger dies at once, says why, and replays once restored', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Papelería El Ángel');
    const customer = await customerWithContact(stack, apiKey, 'C-77', 'cxp@cliente.mx');
    await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'A',
          folio: '77',
          issueDate: isoDate(TODAY, -40),
          dueDate: isoDate(TODAY, -10),
          currency: 'MXN',
          totalMinor: '990000',
        },
        auth,
      ),
    );
    // The render job waits in its queue while the customer disappears from the tenant's ledger.
    await stack.services.renderer.stop();
    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(1);
    const { rows } = await sql.query<{ tenant_id: string }>(
      'select tenant_id from receivables.customers where id = $1',
      [customer.id],
    );
    const tenantId = rows[0].tenant_id;
    const elsewhere = await tenantWithOverdueRule(stack, 'Otra empresa');
    await moveCustomer(customer.id, elsewhere.tenant.id);
    await stack.services.renderer.start();

    const list = () =>
      firstValueFrom(
        stack.deadLetters.renderer.listDeadLetters(
          {
            filter: {
              queue: 'renderer.render-jobs',
              tenantId,
              reasonContains: '',
              ids: [],
              deadBefore: undefined,
              deadAfter: undefined,
            },
            includeReplayed: false,
            pageSize: 0,
            pageToken: '',
          },
          stack.adminMetadata(),
        ),
      );
    await waitFor(async () => (await list()).deadLetters.length === 1, 'the render job dead-lettered');
    const [letter] = (await list()).deadLetters;
    expect(letter.death).toBe(operations.DeathKind.DEATH_KIND_PERMANENT);
    expect(letter.attempts).toBe(1); // it died on its first failure
    expect(letter.reason).toMatch(/no such customer/);

    await waitFor(
      async () =>
        (await occurrenceOf(auth, customer.id))?.status === scheduler.OccurrenceStatus.OCCURRENCE_STATUS_DEAD_LETTERED,
      'the occurrence to say dead_lettered',
    );
    expect((await occurrenceOf(auth, customer.id)).reason).toMatch(/no such customer/);
    expect(stack.smtp.messages).toHaveLength(0);

    // The operator restores the customer, then replays what died for it.
    await moveCustomer(customer.id, tenantId);
    const { replayed } = await firstValueFrom(
      stack.deadLetters.renderer.replayDeadLetters(
        {
          filter: {
            queue: '',
            tenantId: '',
            reasonContains: '',
            ids: [letter.id],
            deadBefore: undefined,
            deadAfter: undefined,
          },
          all: false,
          limit: 0,
          note: 'customer C-77 restored',
        },
        stack.adminMetadata(),
      ),
    );
    expect(replayed.map((l) => l.id)).toEqual([letter.id]);
    await waitFor(() => stack.smtp.messages.length === 1, 'the replayed reminder');
    await waitFor(
      async () => (await occurrenceOf(auth, customer.id))?.outcome === scheduler.DeliveryOutcome.DELIVERY_OUTCOME_SENT,
      'the occurrence to say sent',
    );
    expect((await occurrenceOf(auth, customer.id)).status).toBe(scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED);
    await settle(() => stack.smtp.messages.length);
    expect(stack.smtp.messages).toHaveLength(1);
    expect((await list()).deadLetters).toHaveLength(0);
  });

  it('an undecodable send job is dead-lettered on its first failure; replaying it without a fix only files it again', async () => {
    const connection = await connectProbe(stack.amqpUrl);
    const channel = await connection.createConfirmChannel();
    const messageId = randomUUID();
    channel.publish(Exchanges.jobs, RoutingKeys.sendJob, Buffer.from([0xff, 0xff, 0xff, 0x01]), {
      persistent: true,
      messageId,
      type: 'chasqui.renderer.v1.SendJob',
      timestamp: Math.floor(Date.now() / 1000),
    });
    await channel.waitForConfirms();
    await connection.close();

    const byMessage = async (includeReplayed = false) =>
      (
        await firstValueFrom(
          stack.deadLetters.delivery.listDeadLetters(
            { filter: undefined, includeReplayed, pageSize: 0, pageToken: '' },
            stack.adminMetadata(),
          ),
        )
      ).deadLetters.filter((l) => l.messageId === messageId);
    await waitFor(async () => (await byMessage()).length === 1, 'the send job dead-lettered');
    const [letter] = await byMessage();
    expect(letter).toMatchObject({ death: operations.DeathKind.DEATH_KIND_PERMANENT, attempts: 1 });
    expect(letter.reason).toMatch(/^undecodable: /);

    await firstValueFrom(
      stack.deadLetters.delivery.replayDeadLetters(
        {
          filter: {
            queue: '',
            tenantId: '',
            reasonContains: 'undecodable',
            ids: [],
            deadBefore: undefined,
            deadAfter: undefined,
          },
          all: false,
          limit: 0,
          note: '',
        },
        stack.adminMetadata(),
      ),
    );
    await waitFor(async () => (await byMessage(true)).length === 2, 'the replay filed again');
    const pending = await byMessage();
    expect(pending).toHaveLength(1);
    expect(pending[0].id).not.toBe(letter.id);
  });

  it('only the operator reads dead letters, and a replay of everything must be asked for', async () => {
    const stranger = await firstValueFrom(
      stack.deadLetters.delivery.listDeadLetters(
        { filter: undefined, includeReplayed: false, pageSize: 0, pageToken: '' },
        stack.tenantMetadata('not-an-admin'),
      ),
    ).catch((error: { code: number }) => error);
    expect(stranger).toMatchObject({ code: 16 }); // UNAUTHENTICATED
    const unbounded = await firstValueFrom(
      stack.deadLetters.delivery.replayDeadLetters(
        { filter: undefined, all: false, limit: 0, note: '' },
        stack.adminMetadata(),
      ),
    ).catch((error: { code: number; details: string }) => error);
    expect(unbounded).toMatchObject({ code: 3 }); // INVALID_ARGUMENT
  });
});
