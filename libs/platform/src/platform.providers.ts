import { AmqpConnection, MessagingMetrics, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, OpsServer, type JsonLogger, type ReadinessCheck } from '@chasqui/observability';
import { openOrm, type OrmSettings } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';

export const HTTP_PORT = Symbol('HTTP_PORT');

export interface PlatformSettings {
  service: string;
  orm: OrmSettings;
  env: { AMQP_URL: string; HTTP_PORT: number };
  log: JsonLogger;
  /** Readiness beyond the database and the broker, e.g. the renderer's browser. */
  checks?: { inject: Provider[]; build: (...deps: never[]) => ReadinessCheck[] };
}

/**
 * What every service stands on, the same way everywhere: its database, its
 * broker connection with an outbox relay, metrics and the operator's port.
 */
export function platformProviders({ service, orm, env, log, checks }: PlatformSettings): Provider[] {
  return [
    { provide: HTTP_PORT, useValue: env.HTTP_PORT },
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
        new OutboxRelay({ orm: db, schema: orm.schema, amqp, log, metrics }),
    },
    {
      provide: OpsServer,
      inject: [Registry, MikroORM, AmqpConnection, ...((checks?.inject ?? []) as never[])],
      useFactory: (registry: Registry, db: MikroORM, amqp: AmqpConnection, ...deps: never[]) =>
        new OpsServer(registry, [
          { name: 'database', check: () => db.isConnected() },
          { name: 'broker', check: () => amqp.isConnected() },
          ...(checks?.build(...deps) ?? []),
        ]),
    },
  ];
}
