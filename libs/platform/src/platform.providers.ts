import { AdminAuth } from '@chasqui/grpc';
import {
  AmqpConnection,
  Consumer,
  DeadLetterArchive,
  DeadLetterStore,
  MessagingMetrics,
  OutboxRelay,
  type DeadLetterHook,
} from '@chasqui/messaging';
import { createRegistry, OpsServer, type JsonLogger, type ReadinessCheck } from '@chasqui/observability';
import { openOrm, type OrmSettings } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import type { InjectionToken, Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ListDeadLettersUseCase } from './dead-letters/list-dead-letters.usecase';
import { DEAD_LETTER_LOG, ReplayDeadLettersUseCase } from './dead-letters/replay-dead-letters.usecase';
import { CONSUMERS, HTTP_LISTEN, PlatformLifecycle, RESOURCES, type Resource, type Worker } from './platform.lifecycle';

export interface PlatformSettings {
  service: string;
  orm: OrmSettings;
  env: { AMQP_URL: string; HTTP_HOST: string; HTTP_PORT: number; ADMIN_TOKEN: string };
  log: JsonLogger;
  /** Readiness beyond the database and the broker, e.g. the renderer's browser. */
  checks?: Built<ReadinessCheck[]>;
  /** The service's workers (queue consumers, the scheduler's tick), started last and stopped first. */
  consumers?: Built<Worker[]>;
  /**
   * What the owner of a queue does when one of its messages dies (by queue
   * name), in the transaction that archives it: e.g. mark the message
   * `dead_lettered` and say so in an event.
   */
  deadLetterHooks?: Built<Record<string, DeadLetterHook>>;
  /** What it opens before consuming and closes after draining. */
  resources?: Built<Resource[]>;
  /** Outbox batches published at once; above 1 only where message order does not matter (OutboxRelayOptions.lanes). */
  relayLanes?: number;
}

/** A list built from other providers, e.g. `{ inject: [ChromiumPool], build: (pool) => [pool] }`. */
export interface Built<T> {
  inject: InjectionToken[];
  build: (...deps: never[]) => T;
}

const listOf = (token: symbol, built?: Built<unknown[]>): Provider => ({
  provide: token,
  inject: built?.inject ?? [],
  useFactory: (...deps: never[]) => built?.build(...deps) ?? [],
});

/**
 * What every service stands on, the same way everywhere: its database, its
 * broker connection with an outbox relay, metrics and the operator's port.
 */
export function platformProviders({
  service,
  orm,
  env,
  log,
  checks,
  consumers,
  deadLetterHooks,
  resources,
  relayLanes,
}: PlatformSettings): Provider[] {
  const consumerDeps = consumers?.inject ?? [];
  return [
    PlatformLifecycle,
    {
      // The consumers, then the archive of their dead letters (DeadLetterArchive).
      provide: CONSUMERS,
      inject: [
        AmqpConnection,
        MikroORM,
        OutboxRelay,
        MessagingMetrics,
        ...consumerDeps,
        ...(deadLetterHooks?.inject ?? []),
      ],
      useFactory: (
        amqp: AmqpConnection,
        db: MikroORM,
        relay: OutboxRelay,
        metrics: MessagingMetrics,
        ...deps: never[]
      ): Worker[] => {
        const workers = consumers?.build(...deps.slice(0, consumerDeps.length)) ?? [];
        const hooks = deadLetterHooks?.build(...deps.slice(consumerDeps.length)) ?? {};
        const queues = workers
          .filter((worker): worker is Consumer<unknown> => worker instanceof Consumer)
          .map(({ queue }) => ({ queue, onDeadLetter: hooks[queue] }));
        if (queues.length === 0) return workers;
        return [...workers, new DeadLetterArchive({ amqp, orm: db, schema: orm.schema, log, relay, metrics, queues })];
      },
    },
    listOf(RESOURCES, resources),
    { provide: HTTP_LISTEN, useValue: { host: env.HTTP_HOST, port: env.HTTP_PORT } },
    { provide: AdminAuth, useValue: new AdminAuth(env.ADMIN_TOKEN) },
    {
      provide: DeadLetterStore,
      inject: [MikroORM, OutboxRelay],
      useFactory: (db: MikroORM, relay: OutboxRelay) => new DeadLetterStore(db, orm.schema, relay),
    },
    ListDeadLettersUseCase,
    ReplayDeadLettersUseCase,
    { provide: DEAD_LETTER_LOG, useValue: log },
    { provide: Registry, useFactory: () => createRegistry(service) },
    {
      provide: MessagingMetrics,
      inject: [Registry],
      useFactory: (registry: Registry) => new MessagingMetrics(registry),
    },
    { provide: MikroORM, useFactory: () => openOrm(orm) },
    { provide: AmqpConnection, useFactory: () => new AmqpConnection(env.AMQP_URL, log, service) },
    {
      provide: OutboxRelay,
      inject: [MikroORM, AmqpConnection, MessagingMetrics],
      useFactory: (db: MikroORM, amqp: AmqpConnection, metrics: MessagingMetrics) =>
        new OutboxRelay({
          orm: db,
          schema: orm.schema,
          amqp,
          log,
          metrics,
          lanes: relayLanes,
          listenUrl: orm.clientUrl,
        }),
    },
    {
      provide: OpsServer,
      inject: [Registry, MikroORM, AmqpConnection, ...(checks?.inject ?? [])],
      useFactory: (registry: Registry, db: MikroORM, amqp: AmqpConnection, ...deps: never[]) =>
        new OpsServer(registry, [
          { name: 'database', check: () => db.isConnected() },
          { name: 'broker', check: () => amqp.isConnected() },
          ...(checks?.build(...deps) ?? []),
        ]),
    },
  ];
}
