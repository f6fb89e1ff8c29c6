import type { Metadata } from '@grpc/grpc-js';
import type { receivables } from '@chasqui/contracts';
import { ServiceStack } from '@chasqui/testing';
import type { Client } from 'pg';

/** receivables as its own process on a fresh database and vhost (a ServiceStack), with a client and a SQL probe. */
export class ReceivablesServer {
  client!: receivables.ReceivablesServiceClient;
  sql!: Client;
  amqpUrl = '';
  private stack?: ServiceStack;

  async start(): Promise<void> {
    this.stack = await ServiceStack.start({
      services: ['receivables'],
      // Its specs call service-only methods with the development default service token.
      env: { LOG_LEVEL: 'warn', SERVICE_TOKEN: 'dev-service-token' },
    });
    this.client = this.stack.receivables;
    this.sql = this.stack.sql;
    this.amqpUrl = this.stack.amqpUrl;
  }

  /** The gRPC port, for a client of raw bytes. */
  get grpcPort(): number {
    return this.stack!.grpcPort('receivables');
  }

  /** The HTTP port of /readyz and /metrics. */
  get httpPort(): string {
    return this.stack!.process('receivables').httpPort;
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
  }

  /** A new tenant; returns its id and the metadata that authenticates as it. */
  async tenant(overrides: Partial<receivables.CreateTenantRequest> = {}): Promise<{ id: string; auth: Metadata }> {
    const { id, auth } = await this.stack!.tenant(overrides);
    return { id, auth };
  }
}
