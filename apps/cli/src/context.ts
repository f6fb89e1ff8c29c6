import type { GrpcPackage } from '@chasqui/contracts';
import { UsageError } from './cli-errors';
import { loadSettings } from './config/load-settings';
import type { ConnectionOptions, ServiceName, Settings } from './config/settings';
import { ServiceClient } from './grpc/service-client';

export interface GlobalOptions extends ConnectionOptions {
  config?: string;
  json?: boolean;
}

/**
 * What a command works with: its output mode and clients of the services,
 * each made on first use with the credential that service's calls need.
 */
export class Context {
  readonly json: boolean;
  private readonly settings: Settings;
  private readonly clients: ServiceClient[] = [];

  constructor(options: GlobalOptions) {
    this.json = options.json === true;
    this.settings = loadSettings(options);
  }

  get deadlineMs(): number {
    return this.settings.deadlineMs;
  }

  /** A tenant's call to a service (its API key). */
  tenantClient(service: ServiceName): ServiceClient {
    const apiKey = this.settings.apiKey;
    if (!apiKey) throw new UsageError('no API key: set CHASQUI_API_KEY or api_key in the config file');
    return this.open(service, service, { apiKey });
  }

  /** An operator's call (the admin token): creating tenants, and `pkg` served on `service`'s port. */
  adminClient(service: ServiceName, pkg: GrpcPackage = service): ServiceClient {
    const adminToken = this.settings.adminToken;
    if (!adminToken) throw new UsageError('no admin token: set CHASQUI_ADMIN_TOKEN or admin_token in the config file');
    return this.open(pkg, service, { adminToken });
  }

  close(): void {
    for (const client of this.clients.splice(0)) client.close();
  }

  private open(pkg: GrpcPackage, service: ServiceName, credential: ConstructorParameters<typeof ServiceClient>[2]) {
    const client = new ServiceClient(pkg, this.settings.addresses[service], credential, this.deadlineMs, service);
    this.clients.push(client);
    return client;
  }
}
