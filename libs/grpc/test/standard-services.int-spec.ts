import { ServiceStack, waitFor } from '@chasqui/testing';
import { Client } from 'pg';
import { HealthClient, ReflectionClient, type Status } from './support/standard-clients';

jest.setTimeout(120_000);

const RECEIVABLES = 'chasqui.receivables.v1.ReceivablesService';

/**
 * A real service (receivables, from its dist/) on a fresh database, called on
 * its gRPC port as grpcurl and a kubelet's gRPC probe call it: health and
 * reflection from the protos the packages ship.
 */
describe('what tools expect of a service’s gRPC port', () => {
  let stack: ServiceStack;
  let health: HealthClient;
  let reflection: ReflectionClient;

  beforeAll(async () => {
    stack = await ServiceStack.start({ services: ['receivables'] });
    health = new HealthClient(stack.grpcAddress('receivables'));
    reflection = new ReflectionClient(stack.grpcAddress('receivables'));
  });
  afterAll(async () => {
    health?.close();
    reflection?.close();
    await stack?.stop();
  });

  const readyz = async () => (await fetch(`http://127.0.0.1:${stack.process('receivables').httpPort}/readyz`)).status;

  it('answers the standard health Check: SERVING for the server and for its service once ready', async () => {
    expect(await readyz()).toBe(200);
    expect(await health.check('')).toBe('SERVING');
    expect(await health.check(RECEIVABLES)).toBe('SERVING');
    expect(await health.check('chasqui.operations.v1.DeadLetterService')).toBe('SERVING');
  });

  it('lists its services through reflection, the health service among them', async () => {
    expect((await reflection.services()).sort()).toEqual(
      expect.arrayContaining(['chasqui.operations.v1.DeadLetterService', 'grpc.health.v1.Health', RECEIVABLES]),
    );
  });

  it('describes a method and its request through reflection, with the proto’s own field names', async () => {
    const files = await reflection.fileContaining(RECEIVABLES);
    const file = files.find((f) => f.service?.some((s) => s.name === 'ReceivablesService'))!;
    expect(file.package).toBe('chasqui.receivables.v1');
    const method = file
      .service!.find((s) => s.name === 'ReceivablesService')!
      .method!.find((m) => m.name === 'GetStatement');
    expect(method).toMatchObject({
      inputType: '.chasqui.receivables.v1.GetStatementRequest',
      outputType: '.chasqui.receivables.v1.GetStatementResponse',
    });
    const request = file.messageType!.find((m) => m.name === 'GetStatementRequest')!;
    expect(request.field!.map((f) => f.name)).toEqual(expect.arrayContaining(['customer_id', 'as_of']));
    // What the file imports is described too, so a client can resolve every type.
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(file.dependency as string[]));
  });

  it('exposes the calls its own gRPC clients make on its /metrics, beside the calls it answers', async () => {
    const scrape = await (await fetch(`http://127.0.0.1:${stack.process('receivables').httpPort}/metrics`)).text();
    expect(scrape).toContain('# TYPE grpc_client_handled_total counter');
    expect(scrape).toContain('# TYPE grpc_client_handling_seconds histogram');
    expect(scrape).toMatch(/^grpc_server_handled_total\{.*grpc_service="grpc\.health\.v1\.Health",method="Check"/m);
  });

  it('is NOT_SERVING while its database refuses connections, as /readyz says, and SERVING once it is back', async () => {
    const database = stack.database.name;
    const status = (want: Status) => async () => (await health.check(RECEIVABLES)) === want;
    const admin = new Client({
      connectionString: Object.assign(new URL(stack.databaseUrl), { pathname: '/postgres' }).href,
    });
    await admin.connect();
    const ours = (await stack.sql.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    // New connections are refused and the service's own are cut (the test's SQL probe stays).
    await admin.query(`alter database ${database} with allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> $2', [
      database,
      ours,
    ]);
    try {
      await waitFor(status('NOT_SERVING'), 'receivables to be NOT_SERVING', 30_000);
      expect(await health.check('')).toBe('NOT_SERVING');
      expect(await readyz()).toBe(503);
    } finally {
      await admin.query(`alter database ${database} with allow_connections true`);
      await admin.end();
    }
    await waitFor(status('SERVING'), 'receivables to be SERVING again', 30_000);
    expect(await readyz()).toBe(200);
  });
});
