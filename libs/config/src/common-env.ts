import { z } from 'zod';
import { DEV_SECRETS } from './dev-secrets';

const databaseUrl = () => z.url().default('postgres://postgres@127.0.0.1:5432/chasqui');

/** Where a server listens: an IP address (0.0.0.0 every IPv4 interface, :: every one) or a host name. */
const host = () =>
  z
    .union(
      [z.ipv4(), z.ipv6(), z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i)],
      {
        error: 'must be an IP address or a host name',
      },
    )
    .default('0.0.0.0');

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Variables every service reads; the defaults fit a developer machine. */
export const commonEnv = (httpPort: number) => ({
  DATABASE_URL: databaseUrl(),
  AMQP_URL: z.url().default('amqp://guest:guest@127.0.0.1:5672'),
  SERVICE_TOKEN: z.string().min(8).default(DEV_SECRETS.SERVICE_TOKEN),
  ...adminTokenEnv(),
  /** `production` (the image sets it) refuses the development credentials, unless CHASQUI_REQUIRE_SECRETS=false. */
  NODE_ENV: z.string().default('development'),
  /** Refuse (true) or allow (false) the development credentials; unset: refuse when NODE_ENV=production. */
  CHASQUI_REQUIRE_SECRETS: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  HTTP_PORT: port(httpPort),
  /** The ops port's interface (/metrics, /healthz, /readyz). */
  HTTP_HOST: host(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  AMQP_PREFETCH: z.coerce.number().int().min(1).max(1000).default(16),
  /** Delays of the retry tiers, in milliseconds, comma-separated. */
  RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated integers')
    .default('30000,300000,3600000')
    .transform((s) => s.split(',').map(Number)),
  /**
   * How long a message may wait out transient failures (a dependency down, SMTP 4xx)
   * before it is dead-lettered, counted from when it was first queued.
   */
  RETRY_HORIZON_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(24 * 3_600_000),
  ...otelEnv(),
});

/**
 * OpenTelemetry's standard variables (all optional): a trace exporter starts
 * only when OTEL_EXPORTER_OTLP_ENDPOINT is set. The sampler variables are read
 * by the SDK itself; they are checked here so a typo fails the boot.
 */
export const otelEnv = () => ({
  /** Base URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318; spans go to its /v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** service.name of the spans; the service's own name (receivables, scheduler, …) when unset. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  /** parentbased_always_on when unset (the SDK's default). */
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .optional(),
  /** The ratio of the *traceidratio samplers, 0 to 1. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
});

export const grpcEnv = (grpcPort: number) => ({
  GRPC_PORT: port(grpcPort),
  GRPC_HOST: host(),
});

const millis = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Deadlines of the gRPC calls a service makes (to receivables). */
export const grpcClientEnv = () => ({
  /** A unary call fails with DEADLINE_EXCEEDED after this long. */
  GRPC_DEADLINE_MS: millis(10_000, 600_000),
  /** A streamed answer fails when no message arrives for this long (each message restarts the clock). */
  GRPC_STREAM_IDLE_MS: millis(30_000, 600_000),
});

/** Statement download links: signed by whoever hands them out, opened by the renderer. */
export const statementLinkEnv = () => ({
  /** The key links are signed with; the renderer and the scheduler hold the same one. */
  STATEMENT_LINK_SECRET: z.string().min(16).default(DEV_SECRETS.STATEMENT_LINK_SECRET),
  /** Where a customer opens a link: the renderer's statement port, as the outside world reaches it. */
  STATEMENT_LINK_BASE: z.url().default('http://127.0.0.1:9473'),
});

/** The operator's key: creating tenants (receivables), every service's dead letters. */
export const adminTokenEnv = () => ({ ADMIN_TOKEN: z.string().min(8).default(DEV_SECRETS.ADMIN_TOKEN) });

/** What a migration reads: the database, nothing else (so it runs without the services' secrets). */
export const migrationEnv = () => ({ DATABASE_URL: databaseUrl() });

/** The renderer's port for statement links. */
export const statementPortEnv = () => ({ STATEMENT_PORT: port(9473), STATEMENT_HOST: host() });

/** The renderer's preview page: a tenant's staff see a reminder as it would be sent (their API key in the form). */
export const previewPortEnv = () => ({ PREVIEW_PORT: port(9483), PREVIEW_HOST: host() });
