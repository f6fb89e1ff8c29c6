import { AmqpConnection, MessagingMetrics, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, OpsServer, type JsonLogger, type ReadinessCheck } from '@chasqui/observability';
import { openOrm, type OrmSettings } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import type { InjectionToken, Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { CONSUMERS, HTTP_LISTEN, PlatformLifecycle, RESOURCES, type Resource, type Worker } from './platform.lifecycle';

export interface PlatformSettings {
  service: string;
  orm: OrmSettings;
  env: { AMQP_URL: string; HTTP_HOST: string; HTTP_PORT: number };
  log: JsonLogger;
  /** Readiness beyond the database and the broker, e.g. the renderer's browser. */
  checks?: Built<ReadinessCheck[]>;
  /** The service's workers (queue consumers, the scheduler's tick), started last and stopped first. */
  consumers?: Built<Worker[]>;
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
  resources,
  relayLanes,
}: PlatformSettings): Provider[] {
  return [
    PlatformLifecycle,
    listOf(CONSUMERS, consumers),
    listOf(RESOURCES, resources),
    { provide: HTTP_LISTEN, useValue: { host: env.HTTP_HOST, port: env.HTTP_PORT } },
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
        new OutboxRelay({ orm: db, schema: orm.schema, amqp, log, metrics, lanes: relayLanes }),
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
