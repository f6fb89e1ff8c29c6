import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What an operator graphs and alerts on for messaging; one instance per registry. */
export class MessagingMetrics {
  /** Outbox rows the broker confirmed, by exchange. */
  readonly published: Counter<'exchange'>;
  /** Deliveries settled, by queue and outcome ok | retried | dead | requeued (back to the head, e.g. on shutdown). */
  readonly consumed: Counter<'queue' | 'outcome'>;
  readonly handlerSeconds: Histogram<'queue'>;
  /** Rows waiting in an outbox; a growing value means the relay cannot publish. */
  readonly outboxBacklog: Gauge<'schema'>;
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
    this.outboxBacklog = new Gauge({
      name: 'messaging_outbox_backlog',
      help: 'Rows waiting in the outbox',
      labelNames: ['schema'],
      registers,
    });
    this.circuitOpen = new Gauge({
      name: 'messaging_circuit_open',
      help: 'Whether a consumer holds its deliveries because a dependency is down (1) or not (0)',
      labelNames: ['queue', 'dependency'],
      registers,
    });
  }
}
