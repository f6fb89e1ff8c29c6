import type { Metadata } from '@grpc/grpc-js';
import { delivery, Exchanges, MessageTypes, operations, receivables, renderer, RoutingKeys } from '@chasqui/contracts';
import { connectProbe, FaultySmtp, freePort, ServiceStack } from '@chasqui/testing';
import { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * delivery as a process (with receivables for its API keys) on a fresh
 * database and vhost (a ServiceStack), sending to a FaultySmtp; send jobs are
 * published as the renderer would, and every delivery event is kept.
 */
export class DeliveryStack {
  readonly smtp = new FaultySmtp();
  delivery!: delivery.DeliveryServiceClient;
  /** Delivery's dead letters (operations.v1, admin token). */
  deadLetters!: operations.DeadLetterServiceClient;
  receivables!: receivables.ReceivablesServiceClient;
  /** Delivery's inbound SMTP port and its one-click unsubscribe port. */
  inboundPort = 0;
  unsubscribePort = 0;
  sql!: Client;
  /** Routing key and occurrence of every delivery.* event, in order. */
  readonly events: { routingKey: string; occurrenceId: string; body: Buffer }[] = [];
  private stack?: ServiceStack;
  private amqp!: ChannelModel;
  private channel!: ConfirmChannel;
  private readonly cleanups: (() => unknown)[] = [];

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.smtp.start();
    this.cleanups.push(() => this.smtp.stop());
    this.inboundPort = await freePort();
    this.unsubscribePort = await freePort();
    this.stack = await ServiceStack.start({
      services: ['receivables', 'delivery'],
      env: {
        SMTP_URL: this.smtp.url,
        SMTP_POOL_SIZE: '2',
        SMTP_TIMEOUT_MS: '5000',
        RETRY_DELAYS_MS: '300,600,1200',
        INBOUND_SMTP_PORT: String(this.inboundPort),
        UNSUBSCRIBE_PORT: String(this.unsubscribePort),
        UNSUBSCRIBE_BASE: `http://127.0.0.1:${this.unsubscribePort}`,
        BOUNCE_DOMAIN: 'bounces.int.example',
        REPLY_DOMAIN: 'replies.int.example',
        ...extraEnv,
      },
    });
    const stack = this.stack;
    this.cleanups.push(() => stack.stop());
    this.receivables = stack.receivables;
    this.delivery = stack.client('delivery');
    this.deadLetters = stack.client('operations', 'delivery');
    this.sql = stack.sql;
    this.amqp = await connectProbe(stack.amqpUrl);
    this.cleanups.push(() => this.amqp.close());
    this.channel = await this.amqp.createConfirmChannel();
    const { queue } = await this.channel.assertQueue('', { exclusive: true });
    await this.channel.bindQueue(queue, Exchanges.events, 'delivery.#');
    await this.channel.consume(queue, (message) => {
      if (!message) return;
      const routingKey = message.fields.routingKey;
      const occurrenceId = occurrenceOf(routingKey, message.content);
      this.events.push({ routingKey, occurrenceId, body: message.content });
      this.channel.ack(message);
    });
  }

  /** A tenant with its API key metadata. */
  async tenant(): Promise<{ id: string; auth: Metadata }> {
    const { id, auth } = await this.stack!.tenant();
    return { id, auth };
  }

  /** Publishes a send job as the renderer's relay does; returns its occurrence id. */
  async sendJob(tenantId: string, to = 'pagos@cliente.example'): Promise<string> {
    const occurrenceId = randomUUID();
    const job = renderer.SendJob.encode({
      occurrenceId,
      tenantId,
      customerId: randomUUID(),
      invoiceIds: [randomUUID()],
      to: [to],
      cc: [],
      bcc: [],
      subject: 'Recordatorio: factura F-1 vencida',
      html: '<p>Estimado cliente, su factura F-1 venció hace 5 días.</p>',
      text: 'Estimado cliente, su factura F-1 venció hace 5 días.',
      attachments: [],
      test: false,
      timeZone: 'America/Mexico_City',
      fromName: '',
    }).finish();
    this.channel.publish(Exchanges.jobs, RoutingKeys.sendJob, Buffer.from(job), {
      persistent: true,
      contentType: 'application/x-protobuf',
      messageId: randomUUID(),
      type: MessageTypes.sendJob,
      timestamp: Math.floor(Date.now() / 1000),
      headers: { 'tenant-id': tenantId, 'idempotency-key': `send-${occurrenceId}` },
    });
    await this.channel.waitForConfirms();
    return occurrenceId;
  }

  /** The message row of an occurrence, as delivery recorded it. */
  async message(occurrenceId: string): Promise<{ id: string; status: string; attempts: number; message_id: string }> {
    const { rows } = await this.sql.query(
      'select id, status, attempts, message_id from delivery.messages where occurrence_id = $1',
      [occurrenceId],
    );
    return rows[0];
  }

  eventsFor(occurrenceId: string): string[] {
    return this.events.filter((e) => e.occurrenceId === occurrenceId).map((e) => e.routingKey);
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }

  /** The operator's credential. */
  adminMetadata(): Metadata {
    return this.stack!.admin();
  }
}

/** The occurrence a delivery event is about, whatever its body. */
function occurrenceOf(routingKey: string, body: Buffer): string {
  if (routingKey.startsWith('delivery.job.')) return operations.JobDeadLettered.decode(body).occurrenceId;
  if (routingKey === RoutingKeys.messageBounced) return delivery.MessageBounced.decode(body).occurrenceId;
  if (routingKey === RoutingKeys.messageReplied) return delivery.MessageReplied.decode(body).occurrenceId;
  if (routingKey === RoutingKeys.messageComplained) return delivery.MessageComplained.decode(body).occurrenceId;
  if (routingKey === RoutingKeys.messageUnsubscribed) return delivery.MessageUnsubscribed.decode(body).occurrenceId;
  // MessageSent and MessageOutcomeUnknown share their shape: the tenant, then the message.
  return delivery.MessageSent.decode(body).message?.occurrenceId ?? '';
}
