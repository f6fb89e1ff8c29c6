import type { ConsumeMessage } from 'amqplib';
import { deadLetterOf } from './dead-letter';

const NOW = new Date('2026-12-02T10:00:00Z');

function delivery(headers: Record<string, unknown>, properties: Record<string, unknown> = {}): ConsumeMessage {
  return {
    content: Buffer.from('body'),
    fields: {} as ConsumeMessage['fields'],
    properties: { headers, messageId: 'm-1', type: 't', timestamp: 1_764_669_600, ...properties },
  } as unknown as ConsumeMessage;
}

describe('deadLetterOf', () => {
  it('reads the consumer verdict: reason, kind, attempts, when', () => {
    const letter = deadLetterOf(
      'renderer.render-jobs',
      delivery({
        'tenant-id': 'tn',
        'x-failure': 'permanent',
        'x-last-error': 'customer not found',
        'x-attempt': 1,
        'x-dead-lettered-at': '2026-12-02T09:00:00.000Z',
      }),
      NOW,
    );
    expect(letter).toMatchObject({
      queue: 'renderer.render-jobs',
      messageId: 'm-1',
      tenantId: 'tn',
      reason: 'customer not found',
      death: 'permanent',
      attempts: 1,
      deadLetteredAt: new Date('2026-12-02T09:00:00.000Z'),
      enqueuedAt: new Date(1_764_669_600_000),
    });
  });

  it('says so when the broker gave up on redeliveries (a consumer crashing on it)', () => {
    const letter = deadLetterOf(
      'delivery.send-jobs',
      delivery({
        'x-death': [{ reason: 'delivery_limit', count: 1, queue: 'delivery.send-jobs', time: 1_764_669_000 }],
      }),
      NOW,
    );
    expect(letter.death).toBe('broker');
    expect(letter.reason).toMatch(/gave up after 1 deliveries from delivery.send-jobs/);
    expect(letter.deadLetteredAt).toEqual(new Date(1_764_669_000_000));
  });

  it('names a message without an id by its body, and never throws on odd headers', () => {
    const letter = deadLetterOf(
      'q',
      delivery({ 'x-attempt': 'many', 'x-death': 'odd' }, { messageId: undefined, timestamp: undefined }),
      NOW,
    );
    expect(letter.messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(letter).toMatchObject({
      attempts: 0,
      reason: 'dead-lettered without a reason',
      deadLetteredAt: NOW,
      enqueuedAt: undefined,
    });
  });
});
