import type { ConsumeMessage } from 'amqplib';
import { metaOf, publishOptions, retryCopyOptions } from './amqp-properties';

const delivered = {
  content: Buffer.from('job'),
  fields: { deliveryTag: 1, redelivered: true, exchange: '', routingKey: 'renderer.render-jobs', consumerTag: 'c' },
  properties: {
    contentType: 'application/x-protobuf',
    messageId: '6f1c0c8e-0000-4000-8000-000000000001',
    type: 'chasqui.scheduler.v1.RenderJob',
    timestamp: 1_790_000_000,
    expiration: '60000',
    userId: 'someone-else',
    headers: {
      'tenant-id': 'tenant-1',
      'idempotency-key': 'render:42',
      traceparent: '00-a-b-01',
      'x-attempt': 1,
      'x-delivery-count': 3,
    },
  },
} as unknown as ConsumeMessage;

describe('the copy of a failed render job sent to the next tier', () => {
  const copy = retryCopyOptions(delivered, 2, 'x'.repeat(2000));

  it('keeps the identity and headers a handler relies on', () => {
    expect(copy).toMatchObject({
      persistent: true,
      messageId: '6f1c0c8e-0000-4000-8000-000000000001',
      type: 'chasqui.scheduler.v1.RenderJob',
      timestamp: 1_790_000_000,
      headers: { 'tenant-id': 'tenant-1', 'idempotency-key': 'render:42', traceparent: '00-a-b-01', 'x-attempt': 2 },
    });
  });

  it('drops the per-message TTL, the foreign user id and the old queue delivery count', () => {
    expect(copy.expiration).toBeUndefined();
    expect(copy.userId).toBeUndefined();
    expect(copy.headers).not.toHaveProperty('x-delivery-count');
  });

  it('truncates the last error', () => {
    expect((copy.headers!['x-last-error'] as string).length).toBe(500);
  });
});

describe('what a handler learns about a delivery', () => {
  it('reads the attempt from x-attempt and the redelivery flag from the broker', () => {
    expect(metaOf(delivered)).toEqual({
      messageId: '6f1c0c8e-0000-4000-8000-000000000001',
      type: 'chasqui.scheduler.v1.RenderJob',
      tenantId: 'tenant-1',
      idempotencyKey: 'render:42',
      traceparent: '00-a-b-01',
      attempt: 1,
      transientAttempt: 0,
      redelivered: true,
    });
  });
});

describe('an outbox row as published', () => {
  it('is persistent protobuf, identified by the row id, stamped with its enqueue second', () => {
    const options = publishOptions({
      id: 'row-1',
      exchange: 'chasqui.events',
      routing_key: 'receivables.invoice.issued',
      type: 'chasqui.receivables.v1.InvoiceIssued',
      body: Buffer.from('x'),
      tenant_id: 't',
      idempotency_key: 'k',
      traceparent: 'tp',
      enqueued_at: 1_790_000_000.75,
    });
    expect(options).toEqual({
      persistent: true,
      contentType: 'application/x-protobuf',
      messageId: 'row-1',
      type: 'chasqui.receivables.v1.InvoiceIssued',
      timestamp: 1_790_000_000,
      headers: { 'tenant-id': 't', 'idempotency-key': 'k', traceparent: 'tp' },
    });
  });
});
