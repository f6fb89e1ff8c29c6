import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { settle, waitFor } from '@chasqui/testing';
import { firstValueFrom } from 'rxjs';
import { DeliveryStack } from './support/delivery-stack';

/**
 * ARCHITECTURE §4 at the SMTP edge, against a server that fails at each stage
 * of a transaction: a connection lost before the final dot is retried until
 * the server takes the message once; lost after it, the outcome is unknown,
 * never resent on its own, and settled by the operator.
 */
describe('delivery against an SMTP server that fails at each stage', () => {
  const stack = new DeliveryStack();
  let tenant: { id: string; auth: Metadata };

  beforeAll(async () => {
    await stack.start();
    tenant = await stack.tenant();
  }, 180_000);

  afterAll(() => stack.stop(), 60_000);

  const sentOnce = async (occurrenceId: string) => {
    await waitFor(
      async () => (await stack.message(occurrenceId))?.status === 'sent',
      `occurrence ${occurrenceId} sent`,
    ).catch(async (error: Error) => {
      const row = JSON.stringify(await stack.message(occurrenceId));
      throw new Error(`${error.message}; the row: ${row}; the server: ${stack.smtp.events.slice(-6).join(' | ')}`);
    });
    const row = await stack.message(occurrenceId);
    await waitFor(() => stack.eventsFor(occurrenceId).length > 0, 'the sent event');
    return row;
  };

  it.each(['drop-before-mail', 'drop-after-rcpt', 'drop-mid-data', 'mail-421', 'rcpt-451', 'dot-451'] as const)(
    'a transaction cut short by %s is tried again and reaches the server exactly once',
    async (fault) => {
      stack.smtp.failNext(fault);
      const occurrenceId = await stack.sendJob(tenant.id);
      const row = await sentOnce(occurrenceId);
      await settle(() => stack.smtp.accepted.length + stack.smtp.receivedButDropped.length, 1500);
      expect(stack.smtp.acceptedCount(row.message_id)).toBe(1);
      expect(stack.smtp.receivedButDropped.filter((m) => m.messageId === row.message_id)).toHaveLength(0);
      expect(row.attempts).toBe(2);
      expect(stack.eventsFor(occurrenceId)).toEqual(['delivery.message.sent']);
    },
    90_000,
  );

  it('a recipient refused for good (550) fails without a retry, with the server words as the reason', async () => {
    stack.smtp.forRecipient('nadie@cliente.example', 'rcpt-550');
    const occurrenceId = await stack.sendJob(tenant.id, 'nadie@cliente.example');
    await waitFor(async () => (await stack.message(occurrenceId))?.status === 'failed', 'the message failed');
    await settle(() => stack.smtp.events.length, 1500);
    const row = await stack.message(occurrenceId);
    expect(row.attempts).toBe(1);
    const { messages } = await firstValueFrom(
      stack.delivery.listMessages(
        { statuses: [delivery.MessageStatus.MESSAGE_STATUS_FAILED], pageSize: 0, pageToken: '' },
        tenant.auth,
      ),
    );
    const failed = messages.find((m) => m.occurrenceId === occurrenceId)!;
    expect(failed.smtpResponse).toContain('550');
    expect(failed.reason).not.toBe('');
  }, 90_000);

  describe('a connection dropped after the final dot', () => {
    let occurrenceId: string;
    let messageId: string;

    beforeAll(async () => {
      stack.smtp.failNext('drop-after-dot');
      occurrenceId = await stack.sendJob(tenant.id);
      await waitFor(async () => (await stack.message(occurrenceId))?.status === 'unknown', 'the outcome unknown');
      messageId = (await stack.message(occurrenceId)).message_id;
    }, 90_000);

    it('is recorded unknown, shown to the operator, and never resent on its own', async () => {
      await settle(() => stack.smtp.events.length, 3000);
      expect(stack.smtp.receivedButDropped.map((m) => m.messageId)).toContain(messageId);
      expect(stack.smtp.acceptedCount(messageId)).toBe(0);
      await waitFor(() => stack.eventsFor(occurrenceId).length > 0, 'the unknown event');
      expect(stack.eventsFor(occurrenceId)).toEqual(['delivery.message.unknown']);
      const { messages } = await firstValueFrom(
        stack.delivery.listMessages(
          { statuses: [delivery.MessageStatus.MESSAGE_STATUS_UNKNOWN], pageSize: 0, pageToken: '' },
          tenant.auth,
        ),
      );
      const unknown = messages.find((m) => m.occurrenceId === occurrenceId)!;
      expect(unknown.smtpResponse).toMatch(/after the final dot/);
      expect(unknown.attempts).toBe(1);
    }, 90_000);

    it('another tenant sees none of it', async () => {
      const other = await stack.tenant();
      const { messages } = await firstValueFrom(
        stack.delivery.listMessages(
          { statuses: [delivery.MessageStatus.MESSAGE_STATUS_UNKNOWN], pageSize: 0, pageToken: '' },
          other.auth,
        ),
      );
      expect(messages).toEqual([]);
    }, 30_000);

    it('is resent once when the operator chooses to', async () => {
      const { id } = await stack.message(occurrenceId);
      const { message } = await firstValueFrom(
        stack.delivery.resolveUnknown(
          { id, resolution: delivery.Resolution.RESOLUTION_RESEND, note: 'the customer says nothing arrived' },
          tenant.auth,
        ),
      );
      expect(message!.id).toBe(id);
      await sentOnce(occurrenceId);
      await settle(() => stack.smtp.accepted.length, 1500);
      expect(stack.smtp.acceptedCount(messageId)).toBe(1);
      expect(stack.eventsFor(occurrenceId)).toEqual(['delivery.message.unknown', 'delivery.message.sent']);
    }, 90_000);
  });

  it('an unknown outcome marked sent publishes the sent event and sends nothing', async () => {
    stack.smtp.failNext('drop-after-dot');
    const occurrenceId = await stack.sendJob(tenant.id);
    await waitFor(async () => (await stack.message(occurrenceId))?.status === 'unknown', 'the outcome unknown');
    const { id, message_id: messageId } = await stack.message(occurrenceId);
    const { message } = await firstValueFrom(
      stack.delivery.resolveUnknown(
        { id, resolution: delivery.Resolution.RESOLUTION_MARK_SENT, note: 'the customer confirmed receipt' },
        tenant.auth,
      ),
    );
    expect(message!.status).toBe(delivery.MessageStatus.MESSAGE_STATUS_SENT);
    await waitFor(() => stack.eventsFor(occurrenceId).includes('delivery.message.sent'), 'the sent event');
    await settle(() => stack.smtp.events.length, 1500);
    expect(stack.smtp.acceptedCount(messageId)).toBe(0);
    expect((await stack.message(occurrenceId)).status).toBe('sent');
  }, 90_000);

  it('an SMTP outage (421 at the greeting) holds the mail and sends it once the server is back', async () => {
    stack.smtp.outage('greet-421', 3000);
    const occurrenceIds = await Promise.all([1, 2, 3].map(() => stack.sendJob(tenant.id)));
    for (const occurrenceId of occurrenceIds) await sentOnce(occurrenceId);
    await settle(() => stack.smtp.accepted.length, 1500);
    for (const occurrenceId of occurrenceIds) {
      expect(stack.smtp.acceptedCount((await stack.message(occurrenceId)).message_id)).toBe(1);
    }
  }, 90_000);
});
