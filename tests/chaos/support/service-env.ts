import { freePort } from '@chasqui/testing';

export const SERVICES = ['receivables', 'scheduler', 'renderer', 'delivery'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface Infrastructure {
  databaseUrl: string;
  amqpUrl: string;
  smtpUrl: string;
  smtpPoolSize: number;
  adminToken: string;
}

/**
 * Each service's environment (apps/<name>/src/env.ts), on spare ports, with
 * short retry delays, deadlines and claim lease: recovery after a fault
 * takes seconds here, not the production minutes.
 */
export async function serviceEnvironments(infrastructure: Infrastructure) {
  const [
    receivables,
    scheduler,
    renderer,
    delivery,
    statementPort,
    previewPort,
    inboundPort,
    unsubscribePort,
    ...httpPorts
  ] = await distinctPorts(12);
  // Every service has a gRPC port.
  const grpcPorts: Record<ServiceName, number> = { receivables, scheduler, renderer, delivery };
  const common = {
    DATABASE_URL: infrastructure.databaseUrl,
    AMQP_URL: infrastructure.amqpUrl,
    SERVICE_TOKEN: 'chaos-service-token',
    ADMIN_TOKEN: infrastructure.adminToken,
    STATEMENT_LINK_SECRET: 'chaos-statement-link-secret',
    STATEMENT_LINK_BASE: `http://127.0.0.1:${statementPort}`,
    RECEIVABLES_URL: `127.0.0.1:${grpcPorts.receivables}`,
    RENDERER_URL: `127.0.0.1:${grpcPorts.renderer}`,
    SCHEDULER_URL: `127.0.0.1:${grpcPorts.scheduler}`,
    SMTP_URL: infrastructure.smtpUrl,
    SMTP_POOL_SIZE: String(infrastructure.smtpPoolSize),
    SMTP_TIMEOUT_MS: '5000',
    SMTP_CLAIM_LEASE_MS: '10000',
    RETRY_DELAYS_MS: '500,1000,2000',
    GRPC_DEADLINE_MS: '5000',
    LOG_LEVEL: 'warn',
    TICK_INTERVAL_MS: '0',
  };
  const envs = {} as Record<ServiceName, Record<string, string>>;
  for (const [i, name] of SERVICES.entries()) {
    envs[name] = { ...common, HTTP_PORT: String(httpPorts[i]), GRPC_PORT: String(grpcPorts[name]) };
    // One Chromium page: at a small size the flow then lasts long enough for a fault to land in it.
    if (name === 'renderer')
      Object.assign(envs[name], {
        STATEMENT_PORT: String(statementPort),
        PREVIEW_PORT: String(previewPort),
        PDF_PAGES: '1',
      });
    if (name === 'delivery') {
      Object.assign(envs[name], { INBOUND_SMTP_PORT: String(inboundPort), UNSUBSCRIBE_PORT: String(unsubscribePort) });
    }
  }
  return { envs, grpcPorts };
}

/** Spare ports, none twice: nothing listens on them until the services start. */
async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
