import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** A backlog read longer than this is skipped: a scrape never waits on a stuck dependency. */
const READ_TIMEOUT_MS = 2_000;

/** The value read, or undefined when the read fails or takes too long. */
async function readWithin<T>(read: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS)));
  try {
    return await Promise.race([read().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What an outbox holds when Prometheus asks. */
export interface OutboxState {
  rows: number;
  /** Seconds the oldest row has waited; 0 when the outbox is empty. */
  oldestSeconds: number;
}

/**
 * What an operator graphs and alerts on for messaging; one instance per
 * registry. Backlogs (outbox rows, queue depths) are read when Prometheus
 * scrapes, from the relays and consumers that registered with `watchOutbox`
 * and `watchQueue`, so they are current even while a relay cannot publish
 * and cost nothing between scrapes.
 */
export class MessagingMetrics {
  /** Outbox rows the broker confirmed, by exchange. */
  readonly published: Counter<'exchange'>;
  /** Deliveries settled, by queue and outcome ok | retried | dead | requeued (back to the head, e.g. on shutdown). */
  readonly consumed: Counter<'queue' | 'outcome'>;
  readonly handlerSeconds: Histogram<'queue'>;
  /** Rows waiting in an outbox; a growing value means the relay cannot publish. */
  readonly outboxBacklog: Gauge<'schema'>;
  /** Age of the oldest row waiting in an outbox: how late events are. */
  readonly outboxOldestAge: Gauge<'schema'>;
  /** Messages ready in a queue a consumer here reads, and in its dead-letter queue. */
  readonly queueDepth: Gauge<'queue'>;
  private readonly outboxes = new Map<string, () => Promise<OutboxState>>();
  private readonly queues = new Map<string, () => Promise<number>>();
  /** 1 while a consumer holds its deliveries because a dependency is down. */
  readonly circuitOpen: Gauge<'queue' | 'dependency'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.published = new Counter({
      name: 'messaging_published_total',
      help: 'Messages confirmed by the broker',
      labelNames: ['exchange'],
      registers,
    });
    this.consumed = new Counter({
      name: 'messaging_consumed_total',
      help: 'Deliveries settled, by outcome',
      labelNames: ['queue', 'outcome'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'messaging_handler_duration_seconds',
      help: 'Time a handler took, successful or not',
      labelNames: ['queue'],
      buckets: [0.005, 0.025, 0.1, 0.5, 2, 10, 60],
      registers,
    });
    const outboxes = this.outboxes;
    // A database away leaves the last value read; so does a broker away for the depths.
    const states = async () =>
      Promise.all([...outboxes].map(async ([schema, read]) => ({ schema, state: await readWithin(read) })));
    this.outboxBacklog = new Gauge({
      name: 'messaging_outbox_backlog',
      help: 'Rows waiting in the outbox',
      labelNames: ['schema'],
      registers,
      async collect() {
        for (const { schema, state } of await states()) if (state) this.set({ schema }, state.rows);
      },
    });
    this.outboxOldestAge = new Gauge({
      name: 'messaging_outbox_oldest_age_seconds',
      help: 'Seconds the oldest row of the outbox has waited to be published (0: empty)',
      labelNames: ['schema'],
      registers,
      async collect() {
        for (const { schema, state } of await states()) if (state) this.set({ schema }, state.oldestSeconds);
      },
    });
    const queues = this.queues;
    this.queueDepth = new Gauge({
      name: 'messaging_queue_depth',
      help: 'Messages ready in a queue consumed here, or in its dead-letter queue (<queue>.dead)',
      labelNames: ['queue'],
      registers,
      async collect() {
        const depths = await Promise.all(
          [...queues].map(async ([queue, read]) => ({ queue, depth: await readWithin(read) })),
        );
        for (const { queue, depth } of depths) if (depth !== undefined) this.set({ queue }, depth);
      },
    });
    this.circuitOpen = new Gauge({
      name: 'messaging_circuit_open',
      help: 'Whether a consumer holds its deliveries because a dependency is down (1) or not (0)',
      labelNames: ['queue', 'dependency'],
      registers,
    });
  }

  /** Reads an outbox's backlog at each scrape until the returned function is called. */
  watchOutbox(schema: string, read: () => Promise<OutboxState>): () => void {
    this.outboxes.set(schema, read);
    return () => {
      if (this.outboxes.get(schema) === read) this.outboxes.delete(schema);
    };
  }

  /** Reads a queue's depth at each scrape until the returned function is called. */
  watchQueue(queue: string, read: () => Promise<number>): () => void {
    this.queues.set(queue, read);
    return () => {
      if (this.queues.get(queue) === read) this.queues.delete(queue);
    };
  }
}
