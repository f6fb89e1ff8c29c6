import type { Metadata } from '@grpc/grpc-js';
import { delivery, operations } from '@chasqui/contracts';
import { settle, waitFor } from '@chasqui/testing';
import { firstValueFrom } from 'rxjs';
import { DeliveryStack } from './support/delivery-stack';

/**
 * An SMTP server down past the retry horizon: the send job is dead-lettered
 * with why, its message says `dead_lettered` (never `deferred` forever), the
 * scheduler is told, and a replay once the server is back sends it once.
 */
describe('delivery when the SMTP server stays down past the retry horizon', () => {
  const stack = new DeliveryStack();
  let tenant: { id: string; auth: Metadata };

  beforeAll(async () => {
    await stack.start({ RETRY_HORIZON_MS: '2000' });
    tenant = await stack.tenant();
  }, 180_000);

  afterAll(() => stack.stop(), 60_000);

  const messagesIn = async (status: delivery.MessageStatus) =>
    (await firstValueFrom(stack.delivery.listMessages({ statuses: [status], pageSize: 0, pageToken: '' }, tenant.auth)))
      .messages;

  it('gives up with the reason, says so everywhere, and a replay sends it once', async () => {
    stack.smtp.outage('greet-421', 60_000);
    const occurrenceId = await stack.sendJob(tenant.id);
    await waitFor(async () => (await stack.message(occurrenceId))?.status === 'dead_lettered', 'the message given up');
    const [message] = await messagesIn(delivery.MessageStatus.MESSAGE_STATUS_DEAD_LETTERED);
    expect(message.occurrenceId).toBe(occurrenceId);
    expect(message.reason).toMatch(/^Given up: gave up after the retry horizon: .*421/);
    await waitFor(() => stack.eventsFor(occurrenceId).length > 0, 'the event');
    expect(stack.eventsFor(occurrenceId)).toEqual(['delivery.job.dead_lettered']);
    expect(stack.smtp.accepted).toHaveLength(0);

    const { deadLetters } = await firstValueFrom(
      stack.deadLetters.listDeadLetters(
        {
          filter: { queue: 'delivery.send-jobs', reasonContains: '', tenantId: tenant.id, ids: [] },
          includeReplayed: false,
          pageSize: 0,
          pageToken: '',
        },
        stack.adminMetadata(),
      ),
    );
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].death).toBe(operations.DeathKind.DEATH_KIND_TRANSIENT);

    stack.smtp.recover();
    await firstValueFrom(
      stack.deadLetters.replayDeadLetters(
        {
          filter: { queue: '', reasonContains: '', tenantId: tenant.id, ids: [] },
          all: false,
          limit: 0,
          note: 'SMTP relay fixed',
        },
        stack.adminMetadata(),
      ),
    );
    await waitFor(async () => (await stack.message(occurrenceId))?.status === 'sent', 'the replay sent');
    await settle(() => stack.smtp.accepted.length, 1500);
    expect(stack.smtp.acceptedCount((await stack.message(occurrenceId)).message_id)).toBe(1);
    await waitFor(() => stack.eventsFor(occurrenceId).length === 2, 'the sent event');
    expect(stack.eventsFor(occurrenceId)).toEqual(['delivery.job.dead_lettered', 'delivery.message.sent']);
  }, 90_000);
});
