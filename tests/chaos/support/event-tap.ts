import { delivery, Exchanges, RoutingKeys } from '@chasqui/contracts';
import { connect, type ChannelModel, type GetMessage } from 'amqplib';

/** A delivery.message.* event as a subscriber receives it. */
export interface TappedEvent {
  routingKey: string;
  /** The outbox row's id: the same on every republish of one event. */
  amqpMessageId: string;
  tenantId: string;
  occurrenceId: string;
}

/**
 * A durable queue of our own on chasqui.events, bound before the reminders
 * are queued, so no event is missed and none is lost while the broker
 * restarts. Read by draining it over a fresh connection each time: nothing
 * to reconnect when the broker goes away mid-run.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];

  private constructor(
    private readonly url: string,
    private readonly queue: string,
  ) {}

  static async bind(url: string, queue: string): Promise<EventTap> {
    const tap = new EventTap(url, queue);
    await tap.withChannel(async (connection) => {
      const channel = await connection.createChannel();
      await channel.assertExchange(Exchanges.events, 'topic', { durable: true });
      await channel.assertQueue(queue, { durable: true });
      await channel.bindQueue(queue, Exchanges.events, 'delivery.message.*');
    });
    return tap;
  }

  /** Takes what the queue holds now; while the broker is down, nothing this time. */
  async drain(): Promise<void> {
    await this.withChannel(async (connection) => {
      const channel = await connection.createChannel();
      for (;;) {
        const message = await channel.get(this.queue, { noAck: true });
        if (!message) return;
        this.events.push(decode(message));
      }
    }).catch(() => undefined);
  }

  /** The tenant's events, each once: a republished copy carries the same messageId (the outbox row's). */
  distinct(tenantId: string): TappedEvent[] {
    const byId = new Map<string, TappedEvent>();
    for (const event of this.events) if (event.tenantId === tenantId) byId.set(event.amqpMessageId, event);
    return [...byId.values()];
  }

  async delete(): Promise<void> {
    await this.withChannel(async (connection) => {
      await (await connection.createChannel()).deleteQueue(this.queue);
    }).catch(() => undefined);
  }

  private async withChannel(work: (connection: ChannelModel) => Promise<void>): Promise<void> {
    const connection = await connect(this.url, { timeout: 5_000 });
    connection.on('error', () => undefined);
    try {
      await work(connection);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
}

function decode(message: GetMessage): TappedEvent {
  const routingKey = message.fields.routingKey;
  const body =
    routingKey === RoutingKeys.messageUnknown
      ? delivery.MessageOutcomeUnknown.decode(message.content)
      : delivery.MessageSent.decode(message.content);
  return {
    routingKey,
    amqpMessageId: String(message.properties.messageId ?? ''),
    tenantId: body.tenantId,
    occurrenceId: body.message?.occurrenceId ?? '',
  };
}
