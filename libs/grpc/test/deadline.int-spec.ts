import { loadPackageDefinition, Server, ServerCredentials, status, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { grpcPackages, receivables } from '@chasqui/contracts';
import { firstValueFrom } from 'rxjs';
import { grpcClient, LOADER_OPTIONS } from '../src';

jest.setTimeout(30_000);

const DEADLINES = { unaryMs: 500, streamIdleMs: 500 };
const page = (id: string) => ({ collectibles: [{ invoiceId: id }] });

/** receivables as a plain grpc-js server that hangs: unary calls never answered, streams that stall. */
async function hungReceivables(pagesBeforeStall: number, everyMs: number): Promise<{ url: string; stop: () => void }> {
  const { protoPath } = grpcPackages.receivables;
  const root = loadPackageDefinition(loadSync(protoPath, LOADER_OPTIONS)) as never as {
    chasqui: { receivables: { v1: { ReceivablesService: { service: never } } } };
  };
  const server = new Server();
  server.addService(root.chasqui.receivables.v1.ReceivablesService.service, {
    getStatement: () => undefined, // never calls back
    listCollectibles: (call: { write: (m: unknown) => void }) => {
      for (let i = 0; i < pagesBeforeStall; i++) setTimeout(() => call.write(page(`p${i}`)), (i + 1) * everyMs);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { url: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

async function failure(promise: Promise<unknown>): Promise<{ error: ServiceError }> {
  try {
    await promise;
  } catch (error) {
    return { error: error as ServiceError };
  }
  throw new Error('the call succeeded');
}

describe('a hung dependency fails the call fast with DEADLINE_EXCEEDED', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  const clientOf = async (pagesBeforeStall = 0, everyMs = 0) => {
    const server = await hungReceivables(pagesBeforeStall, everyMs);
    const client = grpcClient<receivables.ReceivablesServiceClient>('receivables', server.url, DEADLINES);
    cleanups.push(server.stop, client.close);
    return client.service;
  };

  it('a unary call that is never answered', async () => {
    const service = await clientOf();
    const request = { customerId: 'c', asOf: '2026-01-01', scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN };
    // Without a deadline the call would hang until the test's own timeout: the code is the proof.
    const { error } = await failure(firstValueFrom(service.getStatement(request)));
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
  });

  it('a stream that stalls, however long it ran before: each message restarts the clock', async () => {
    // Five pages 300 ms apart (1.5 s in all, three times the idle limit), then silence.
    const service = await clientOf(5, 300);
    const seen: string[] = [];
    const everything = { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [] };
    const { error } = await failure(
      new Promise((resolve, reject) =>
        service.listCollectibles(everything).subscribe({
          next: (page) => seen.push(page.collectibles[0].invoiceId),
          error: reject,
          complete: () => resolve(seen),
        }),
      ),
    );
    expect(seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
  });
});
