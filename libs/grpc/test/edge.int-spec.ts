import 'reflect-metadata';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { NotFound, Unavailable } from '@chasqui/errors';
import { JsonLogger } from '@chasqui/observability';
import { freePort } from '@chasqui/testing';
import { Controller, Module, UseGuards, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { firstValueFrom, type Observable } from 'rxjs';
import { z } from 'zod';
import {
  AdminAuth,
  AdminGuard,
  apiKeyMetadata,
  DomainErrorFilter,
  grpcClient,
  grpcServerOptions,
  readBadRequest,
  RequestCommand,
  serviceMetadata,
  ServiceOnlyGuard,
  Tenant,
  TenantAuth,
  TenantCommand,
  TenantGuard,
} from '../src';

jest.setTimeout(30_000);

const SERVICE_TOKEN = 'service-token-for-the-edge-test';
const ADMIN_TOKEN = 'admin-token-for-the-edge-test';
const KEYS: Record<string, string> = { 'key-of-acme': 'tenant-acme', 'key-of-globex': 'tenant-globex' };

/** What the handlers below did, per tenant: the proof of what ran and for whom. */
const customersByTenant = new Map<string, { id: string; legalName: string }[]>();

const createCustomerCommand = z.object({
  tenantId: z.string(),
  externalId: z.string().min(1, 'required'),
  legalName: z.string().min(1, 'required').max(20, 'must be at most 20 characters'),
});

/** Thin edges as the apps write them: a guard, a decorator, one call. */
@Controller()
@UseGuards(TenantGuard)
class CustomersController {
  @GrpcMethod('ReceivablesService', 'CreateCustomer')
  create(
    @TenantCommand(createCustomerCommand, 'CUSTOMER.INVALID') command: z.infer<typeof createCustomerCommand>,
  ): receivables.CreateCustomerResponse {
    const customer = { id: `${command.tenantId}/${command.externalId}`, legalName: command.legalName };
    customersByTenant.set(command.tenantId, [...(customersByTenant.get(command.tenantId) ?? []), customer]);
    return { customer: { ...emptyCustomer, ...customer, externalId: command.externalId } };
  }

  @GrpcMethod('ReceivablesService', 'SearchCustomers')
  search(@Tenant() tenantId: string): receivables.SearchCustomersResponse {
    const customers = customersByTenant.get(tenantId) ?? [];
    return { customers: customers.map((c) => ({ ...emptyCustomer, ...c })), nextPageToken: '' };
  }

  @GrpcMethod('ReceivablesService', 'GetStatement')
  statement(request: receivables.GetStatementRequest): receivables.GetStatementResponse {
    if (request.customerId === 'behind-an-outage') throw new Unavailable('LEDGER.UNAVAILABLE', 'the ledger is down');
    throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer of this tenant');
  }
}

@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
class ServiceCallsController {
  @GrpcMethod('ReceivablesService', 'ListContacts')
  contacts(@Tenant() tenantId: string): receivables.ListContactsResponse {
    return { customers: [{ customerId: tenantId, contacts: [] }] };
  }
}

@Controller()
class UnguardedController {
  /** A wiring fault: a tenant read where no guard checked one. */
  @GrpcMethod('ReceivablesService', 'GetTenant')
  tenant(@Tenant() tenantId: string): receivables.GetTenantResponse {
    return { tenant: { ...emptyTenant, id: tenantId } };
  }

  @GrpcMethod('ReceivablesService', 'CreateTenant')
  @UseGuards(AdminGuard)
  createTenant(
    @RequestCommand(z.object({ name: z.string().min(1, 'required') }), 'TENANT.INVALID') request: { name: string },
  ): receivables.CreateTenantResponse {
    return { tenant: { ...emptyTenant, name: request.name }, apiKey: 'k' };
  }
}

/** A message with every field at its default, as proto3 decodes nothing. */
const empty = <T>(fns: { decode(bytes: Uint8Array): T }): T => fns.decode(new Uint8Array());
const partial = <T>(fns: { decode(bytes: Uint8Array): T }, fields: Partial<T>): T => ({ ...empty(fns), ...fields });
const emptyCustomer = empty(receivables.Customer);
const emptyTenant = empty(receivables.Tenant);

@Module({
  controllers: [CustomersController, ServiceCallsController, UnguardedController],
  providers: [
    { provide: TenantAuth, useValue: new TenantAuth(SERVICE_TOKEN, async (key) => KEYS[key]) },
    { provide: AdminAuth, useValue: new AdminAuth(ADMIN_TOKEN) },
  ],
})
class EdgeModule {}

async function failure(call: Observable<unknown>): Promise<ServiceError> {
  try {
    await firstValueFrom(call);
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('the call succeeded');
}

describe('a thin gRPC edge: guard, decorator and validation pipe on a real server', () => {
  let app: INestMicroservice;
  let client: { service: receivables.ReceivablesServiceClient; close: () => void };
  const logged: string[] = [];
  const acme = apiKeyMetadata('key-of-acme');
  const globex = apiKeyMetadata('key-of-globex');

  beforeAll(async () => {
    const port = await freePort();
    const log = new JsonLogger('edge-test', 'error');
    log.error = (message: string) => void logged.push(message);
    app = await NestFactory.createMicroservice(EdgeModule, {
      ...grpcServerOptions('receivables', '127.0.0.1', port),
      logger: false,
    });
    app.useGlobalFilters(new DomainErrorFilter(log));
    await app.listen();
    client = grpcClient<receivables.ReceivablesServiceClient>('receivables', `127.0.0.1:${port}`);
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
  });
  beforeEach(() => customersByTenant.clear());

  const createCustomer = (request: Partial<receivables.CreateCustomerRequest>, metadata?: Metadata) =>
    client.service.createCustomer(partial(receivables.CreateCustomerRequest, request), metadata);

  it('answers UNAUTHENTICATED without an API key, or with one no tenant has, and runs nothing', async () => {
    const missing = await failure(createCustomer({ externalId: 'c1', legalName: 'Acme' }, new Metadata()));
    expect(missing.code).toBe(status.UNAUTHENTICATED);
    expect(missing.details).toBe('metadata x-api-key is missing');
    const unknown = await failure(createCustomer({ externalId: 'c1', legalName: 'Acme' }, apiKeyMetadata('nope')));
    expect(unknown.code).toBe(status.UNAUTHENTICATED);
    expect(unknown.details).toBe('the API key is not valid');
    expect(customersByTenant.size).toBe(0);
  });

  it('checks credentials before input: bad input without a key is UNAUTHENTICATED', async () => {
    const error = await failure(createCustomer({ externalId: '', legalName: '' }, new Metadata()));
    expect(error.code).toBe(status.UNAUTHENTICATED);
  });

  it('answers INVALID_ARGUMENT naming each bad field, as google.rpc.BadRequest, and runs nothing', async () => {
    const error = await failure(createCustomer({ externalId: '', legalName: 'A name far too long to keep' }, acme));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toBe('external_id: required; legal_name: must be at most 20 characters');
    expect(readBadRequest(error)).toEqual([
      { field: 'external_id', description: 'required' },
      { field: 'legal_name', description: 'must be at most 20 characters' },
    ]);
    expect(customersByTenant.size).toBe(0);
  });

  it('refuses NUL characters in any field, naming it', async () => {
    const error = await failure(createCustomer({ externalId: 'c1', legalName: 'Ac\u0000me' }, acme));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error)).toEqual([{ field: 'legal_name', description: 'must not contain NUL characters' }]);
  });

  it('gives the handler the tenant of the key, so a tenant only ever sees its own data', async () => {
    await firstValueFrom(createCustomer({ externalId: 'a1', legalName: 'Cliente de Acme' }, acme));
    await firstValueFrom(createCustomer({ externalId: 'g1', legalName: 'Cliente de Globex' }, globex));
    const seenByAcme = await firstValueFrom(
      client.service.searchCustomers({ query: '', pageSize: 0, pageToken: '' }, acme),
    );
    const seenByGlobex = await firstValueFrom(
      client.service.searchCustomers({ query: '', pageSize: 0, pageToken: '' }, globex),
    );
    expect(seenByAcme.customers.map((c) => c.id)).toEqual(['tenant-acme/a1']);
    expect(seenByGlobex.customers.map((c) => c.id)).toEqual(['tenant-globex/g1']);
  });

  it('ignores a tenant id a client puts in metadata beside its own key', async () => {
    const spoofing = apiKeyMetadata('key-of-globex');
    spoofing.set('x-tenant-id', 'tenant-acme');
    await firstValueFrom(createCustomer({ externalId: 'g2', legalName: 'Cliente' }, spoofing));
    expect([...customersByTenant.keys()]).toEqual(['tenant-globex']);
  });

  it('maps a domain error thrown by the handler to its canonical code and field', async () => {
    const request = partial(receivables.GetStatementRequest, { customerId: 'x' });
    const error = await failure(client.service.getStatement(request, acme));
    expect(error.code).toBe(status.NOT_FOUND);
    expect(readBadRequest(error)).toEqual([{ field: 'customer_id', description: 'no such customer of this tenant' }]);
  });

  it('maps an outage of a dependency (Unavailable) to UNAVAILABLE, for the caller to retry', async () => {
    const request = partial(receivables.GetStatementRequest, { customerId: 'behind-an-outage' });
    const error = await failure(client.service.getStatement(request, acme));
    expect([error.code, error.details]).toEqual([status.UNAVAILABLE, 'the ledger is down']);
  });

  it('lets a service name the tenant it acts for; refuses a tenant key on a service-only call', async () => {
    const answer = await firstValueFrom(
      client.service.listContacts({ customerIds: [] }, serviceMetadata(SERVICE_TOKEN, 'tenant-globex')),
    );
    expect(answer.customers.map((c) => c.customerId)).toEqual(['tenant-globex']);
    const refused = await failure(client.service.listContacts({ customerIds: [] }, acme));
    expect(refused.code).toBe(status.PERMISSION_DENIED);
    const wrongToken = await failure(
      client.service.listContacts({ customerIds: [] }, serviceMetadata('not-the-token', 'tenant-globex')),
    );
    expect(wrongToken.code).toBe(status.PERMISSION_DENIED);
  });

  it('answers INTERNAL, with an error id and no internals, where a handler reads a tenant no guard checked', async () => {
    const error = await failure(client.service.getTenant({}, acme));
    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).toMatch(/^internal error \(id [0-9a-f-]{36}\)$/);
    expect(logged).toContain('unhandled error in gRPC call');
  });

  it('admin calls: the admin token, then the request validated alone', async () => {
    const request = partial(receivables.CreateTenantRequest, { name: '' });
    const missing = await failure(client.service.createTenant(request, new Metadata()));
    expect(missing.code).toBe(status.UNAUTHENTICATED);
    const admin = new Metadata();
    admin.set('x-admin-token', ADMIN_TOKEN);
    const invalid = await failure(client.service.createTenant(request, admin));
    expect(readBadRequest(invalid)).toEqual([{ field: 'name', description: 'required' }]);
    const created = await firstValueFrom(client.service.createTenant({ ...request, name: 'Acme' }, admin));
    expect(created.tenant?.name).toBe('Acme');
  });
});
