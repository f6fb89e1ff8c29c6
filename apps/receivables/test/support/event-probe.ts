import { connectProbe } from '@chasqui/testing';
import { type ChannelModel, type ConfirmChannel } from 'amqplib';

/** A queue of the test's own on chasqui.events: what any subscriber of these events would receive. */
export class EventProbe {
  private connection?: ChannelModel;
  private channel?: ConfirmChannel;
  readonly received: { routingKey: string; type: string; body: Buffer }[] = [];

  async start(amqpUrl: string, pattern = 'receivables.#'): Promise<void> {
    this.connection = await connectProbe(amqpUrl);
    this.channel = await this.connection.createConfirmChannel();
    await this.channel.assertExchange('chasqui.events', 'topic', { durable: true });
    const { queue } = await this.channel.assertQueue('', { exclusive: true });
    await this.channel.bindQueue(queue, 'chasqui.events', pattern);
    await this.channel.consume(queue, (message) => {
      if (!message) return;
      this.received.push({
        routingKey: message.fields.routingKey,
        type: String(message.properties.type),
        body: message.content,
      });
      this.channel!.ack(message);
    });
  }

  of(routingKey: string) {
    return this.received.filter((m) => m.routingKey === routingKey);
  }

  async stop(): Promise<void> {
    await this.connection?.close();
  }
}
