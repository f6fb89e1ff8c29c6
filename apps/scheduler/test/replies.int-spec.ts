import { status } from '@grpc/grpc-js';
import { delivery, Exchanges, MessageTypes, RoutingKeys, scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { connectProbe, waitFor } from '@chasqui/testing';
import { randomUUID } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { call, failure } from './support/calls';
import { days, instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('replies pause a customer: a person for the tenant’s days, a promise to pay through its date', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** What delivery publishes when an answer to a reminder arrives. */
  async function reply(event: Partial<delivery.MessageReplied>, times = 1) {
    const connection = await connectProbe(stack.amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      const body = Buffer.from(
        delivery.MessageReplied.encode({
          tenantId: '',
          customerId: '',
          occurrenceId: randomUUID(),
          from: 'cliente@example.com',
          receivedAt: { seconds: String(Date.parse('2026-06-03T15:00:00Z') / 1000), nanos: 0 },
          kind: delivery.ReplyKind.REPLY_KIND_HUMAN,
          promisedDate: '',
          messageId: '',
          text: '',
          ...event,
        }).finish(),
      );
      const messageId = randomUUID();
      for (let i = 0; i < times; i++) {
        channel.publish(Exchanges.events, RoutingKeys.messageReplied, body, {
          persistent: true,
          messageId,
          type: MessageTypes.messageReplied,
        });
      }
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  it('skips the paused steps with their reason, then reminds again; an auto-reply changes nothing', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    expect((await call(stack.scheduler.updateSettings({ pauseDaysAfterReply: 3 }, auth))).settings).toMatchObject({
      pauseDaysAfterReply: 3,
      approvalRequired: false,
    });
    await call(
      stack.scheduler.createRule(
        ruleRequest({ name: 'vencidas cada 2 días', sendHour: 9, overdue: { fromDays: 1, everyDays: 2 } }),
        auth,
      ),
    );
    const person = await ledger.customer('Respondió');
    const promiser = await ledger.customer('Prometió');
    const away = await ledger.customer('Fuera de oficina');
    for (const customer of [person, promiser, away]) await ledger.invoice(customer, customer.slice(0, 8), '2026-06-01');
    await firstValueFrom(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));

    // Received 3 June: a person (delivered twice), a promise to pay on 7 June, an out-of-office answer.
    await reply({ tenantId, customerId: person }, 2);
    await reply({
      tenantId,
      customerId: promiser,
      kind: delivery.ReplyKind.REPLY_KIND_PROMISE_TO_PAY,
      promisedDate: '2026-06-07',
    });
    await reply({ tenantId, customerId: away, kind: delivery.ReplyKind.REPLY_KIND_AUTO_REPLY });
    const pauses = async () =>
      (
        await stack.sql.query<{ customer_id: string; until: string; reason: string }>(
          `select customer_id, paused_until::text as until, pause_source as reason from scheduler.customer_policies
            where tenant_id = $1 and paused_until is not null order by paused_until`,
          [tenantId],
        )
      ).rows;
    await waitFor(async () => (await pauses()).length === 2, 'both pauses');
    expect(await pauses()).toEqual([
      { customer_id: person, until: '2026-06-05', reason: 'replied' },
      { customer_id: promiser, until: '2026-06-07', reason: 'promise_to_pay' },
    ]);

    for (const day of days('2026-06-03', '2026-06-08')) {
      await firstValueFrom(stack.scheduler.runCycle({ asOf: instant(`${day}T18:00:00Z`) }, auth));
    }
    const { rows } = await stack.sql.query<{ customer_id: string; decided: string[] }>(
      `select customer_id, array_agg(local_date::text || ' ' || coalesce(reason, status) order by local_date) as decided
         from scheduler.occurrences where tenant_id = $1 group by 1`,
      [tenantId],
    );
    const of = (customer: string) => rows.find((r) => r.customer_id === customer)?.decided;
    expect(of(person)).toEqual(['2026-06-02 queued', '2026-06-04 paused', '2026-06-06 queued', '2026-06-08 queued']);
    expect(of(promiser)).toEqual(['2026-06-02 queued', '2026-06-04 paused', '2026-06-06 paused', '2026-06-08 queued']);
    expect(of(away)).toEqual(['2026-06-02 queued', '2026-06-04 queued', '2026-06-06 queued', '2026-06-08 queued']);
  });

  it('ListPauses: the customers paused now, soonest ending first, with why; paged; tenant by tenant', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await call(stack.scheduler.updateSettings({ pauseDaysAfterReply: 3 }, auth));
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const ids = {
      manual: await ledger.customer('Pausa Manual'),
      replied: await ledger.customer('Contestó'),
      promised: await ledger.customer('Prometió Pagar'),
      ended: await ledger.customer('Ya Terminó'),
      gone: await ledger.customer('Dado de Baja'),
    };
    await stack.announced(Object.values(ids));
    const pause = (customerId: string, until: string, reason = '') =>
      call(stack.scheduler.pauseCustomer({ customerId, until, reason }, auth));
    await pause(ids.manual, day(10), 'llamó el contador');
    await pause(ids.ended, day(-2));
    await pause(ids.gone, day(20));
    await call(stack.receivables.deleteCustomer({ customerId: ids.gone }, auth));
    await stack.announced([ids.gone], true);
    const now = { seconds: String(Math.floor(Date.now() / 1000)), nanos: 0 };
    await reply({ tenantId, customerId: ids.replied, receivedAt: now });
    await reply({
      tenantId,
      customerId: ids.promised,
      receivedAt: now,
      kind: delivery.ReplyKind.REPLY_KIND_PROMISE_TO_PAY,
      promisedDate: day(5),
    });
    const listPauses = (request: Partial<scheduler.ListPausesRequest>, who = auth) =>
      call(stack.scheduler.listPauses({ pageSize: 0, pageToken: '', ...request }, who));
    await waitFor(async () => (await listPauses({})).pauses.length === 3, 'both replies to pause');

    // Received today, three days of pause: through the day after tomorrow (UTC, as the reply is dated).
    const expected: scheduler.Pause[] = [
      {
        customerId: ids.replied,
        customerName: 'Contestó',
        until: day(2),
        reason: scheduler.PauseReason.PAUSE_REASON_REPLIED,
        note: '',
      },
      {
        customerId: ids.promised,
        customerName: 'Prometió Pagar',
        until: day(5),
        reason: scheduler.PauseReason.PAUSE_REASON_PROMISE_TO_PAY,
        note: '',
      },
      {
        customerId: ids.manual,
        customerName: 'Pausa Manual',
        until: day(10),
        reason: scheduler.PauseReason.PAUSE_REASON_MANUAL,
        note: 'llamó el contador',
      },
    ];
    expect((await listPauses({})).pauses).toEqual(expected);
    const first = await listPauses({ pageSize: 2 });
    expect(first.pauses).toEqual(expected.slice(0, 2));
    const second = await listPauses({ pageSize: 2, pageToken: first.nextPageToken });
    expect(second).toEqual({ pauses: expected.slice(2), nextPageToken: '' });

    // Another tenant sees none of them; resuming ends a pause now.
    const other = await stack.tenant();
    expect((await listPauses({}, other.auth)).pauses).toEqual([]);
    await call(stack.scheduler.resumeCustomer({ customerId: ids.manual }, auth));
    expect((await listPauses({})).pauses).toEqual(expected.slice(0, 2));

    const token = await failure(stack.scheduler.listPauses({ pageSize: 0, pageToken: 'bm9wZQ' }, auth));
    expect(token.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(token)).toEqual([{ field: 'page_token', description: 'is not a token this service gave' }]);
    const size = await failure(stack.scheduler.listPauses({ pageSize: 1001, pageToken: '' }, auth));
    expect(readBadRequest(size)).toEqual([{ field: 'page_size', description: 'must be at most 1000' }]);
  });

  it('names a pause length out of range', async () => {
    const { auth } = await stack.tenant();
    const error = await failure(stack.scheduler.updateSettings({ pauseDaysAfterReply: 400 }, auth));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error).map((v) => v.field)).toEqual(['pause_days_after_reply']);
    expect((await call(stack.scheduler.getSettings({}, auth))).settings).toEqual({
      approvalRequired: false,
      pauseDaysAfterReply: 7,
      lateIssueNotices: scheduler.LateIssueNotices.LATE_ISSUE_NOTICES_MISSED,
      newCustomersEnrolled: true,
      openRunId: '',
    });
  });
});
