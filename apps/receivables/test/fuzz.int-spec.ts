import { Metadata, status } from '@grpc/grpc-js';
import { apiKeyMetadata, readBadRequest } from '@chasqui/grpc';
import type { Observable } from 'rxjs';
import { garbageRequests, methodPath, rawClient, sendRaw } from './fuzz/garbage';
import { crossedLines, invoicesThatDoNotAddUp, ledgerSize, paymentsThatDoNotAddUp } from './fuzz/ledger-audit';
import { describeFailure, Histogram } from './fuzz/report';
import { generateRequests, type FuzzRequest, type Rpc } from './fuzz/requests';
import { Rng } from './fuzz/rng';
import { adminMetadata, inParallel, send, type Outcome } from './fuzz/send';
import { ValidRequests } from './fuzz/valid-requests';
import { seedWorld, type World } from './fuzz/world';
import { call, failure } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(180_000);

const COUNT = 5_000;
/** FUZZ_CONCURRENCY=1 takes the races out, so a seed replays the same outcomes. */
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
const REFUSALS = ['INVALID_ARGUMENT', 'NOT_FOUND', 'ALREADY_EXISTS', 'FAILED_PRECONDITION'];
const RPCS: Rpc[] = [
  'CreateTenant',
  'CreateCustomer',
  'CreateInvoice',
  'RecordPayment',
  'RecordCreditNote',
  'WriteOff',
  'GetStatement',
];

describe(`the receivables ledger under ${COUNT} random, malformed and racing requests`, () => {
  const server = new ReceivablesServer();
  const rng = Rng.fromEnv();
  const valid = new ValidRequests(rng);
  let world: World;
  let results: { fuzz: FuzzRequest; outcome: Outcome }[] = [];
  const codesByRpc = new Histogram();
  const failed = (codes: string[]) => results.filter(({ outcome }) => codes.includes(outcome.code));

  beforeAll(async () => {
    console.log(
      `fuzz seed ${rng.seed}: replay with FUZZ_SEED=${rng.seed} (and FUZZ_CONCURRENCY=1 for the same outcomes)`,
    );
    await server.start();
    const seeding = Date.now();
    world = await seedWorld(server, valid);
    console.log(`seeded ${world.tenants.length} tenants with customers and invoices in ${Date.now() - seeding} ms`);
    const requests = generateRequests(rng, world, valid, COUNT);
    const started = Date.now();
    const outcomes = await inParallel(requests, CONCURRENCY, (fuzz) => send(server.client, fuzz));
    results = requests.map((fuzz, i) => ({ fuzz, outcome: outcomes[i] }));
    const codesByShape = new Histogram();
    for (const { fuzz, outcome } of results) {
      codesByRpc.add(fuzz.rpc, outcome.code);
      codesByShape.add(fuzz.shape, outcome.code);
    }
    console.log(
      `${COUNT} requests, ${CONCURRENCY} at a time, in ${Date.now() - started} ms (CLIENT_ENCODE: refused by the client's encoder, never sent)\n` +
        `${codesByRpc}\n\n${codesByShape}`,
    );
  });
  afterAll(() => server.stop());

  it('answers every request it received OK or INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION', () => {
    const unexpected = results.filter(({ outcome }) => !['OK', 'CLIENT_ENCODE', ...REFUSALS].includes(outcome.code));
    if (unexpected.length > 0) {
      console.log(
        unexpected
          .slice(0, 25)
          .map((r) => describeFailure(r.fuzz, r.outcome))
          .join('\n'),
      );
    }
    expect(
      unexpected.map(({ fuzz, outcome }) => `#${fuzz.n} ${fuzz.rpc} (${fuzz.what || fuzz.shape}) → ${outcome.code}`),
    ).toEqual([]);
  });

  it('names the offending field of every INVALID_ARGUMENT and NOT_FOUND', () => {
    const unnamed = failed(['INVALID_ARGUMENT', 'NOT_FOUND']).filter(
      ({ outcome }) => readBadRequest(outcome.error!).length === 0,
    );
    if (unnamed.length > 0)
      console.log(
        unnamed
          .slice(0, 10)
          .map((r) => describeFailure(r.fuzz, r.outcome))
          .join('\n'),
      );
    expect(
      unnamed.map(({ fuzz, outcome }) => `#${fuzz.n} ${fuzz.rpc} → ${outcome.code}: ${outcome.error?.details}`),
    ).toEqual([]);
  });

  it('accepts a fair share of them, so the ledger fills with payments, credit notes and write-offs', async () => {
    const size = await ledgerSize(server.sql);
    console.log('ledger after the run', size);
    expect(codesByRpc.total('OK')).toBeGreaterThan(COUNT * 0.25);
    expect(RPCS.filter((rpc) => codesByRpc.cell(rpc, 'OK') === 0)).toEqual([]);
    expect(size.payments).toBeGreaterThan(300);
    expect(size.credit_notes).toBeGreaterThan(100);
    expect(size.write_offs).toBeGreaterThan(50);
  });

  it('answers bytes that are not its protobuf with an error of grpc-js or a refusal, never a crash', async () => {
    const client = rawClient(server.grpcPort);
    const tenant = world.tenants[0];
    try {
      // No bytes is a valid, empty request: proves the raw client reaches the service.
      const empty = { method: methodPath('GetStatement'), what: 'no bytes', bytes: Buffer.alloc(0) };
      expect(await sendRaw(client, empty, tenant.auth)).toMatchObject({ code: 'INVALID_ARGUMENT' });
      const garbage = garbageRequests(rng, valid, tenant, 400);
      const answers = await inParallel(garbage, CONCURRENCY, (g) => sendRaw(client, g, tenant.auth));
      const byKind = new Histogram();
      garbage.forEach((g, i) => byKind.add(g.what, answers[i].code));
      console.log(`${garbage.length} undecodable or odd byte strings\n${byKind}`);
      // protobufjs throws on what it cannot decode; grpc-js then answers INTERNAL without calling the service.
      const unparsed = (a: { code: string; details: string }) =>
        a.code === 'INTERNAL' && a.details.startsWith('Error deserializing request');
      const unexpected = garbage
        .map((g, i) => ({ ...g, ...answers[i] }))
        .filter((a) => !['OK', ...REFUSALS].includes(a.code) && !unparsed(a));
      expect(
        unexpected.map((a) => `${a.method} (${a.what}, ${a.bytes.toString('hex')}) → ${a.code}: ${a.details}`),
      ).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('answers UNAUTHENTICATED, and nothing else, to a missing or forged key', async () => {
    const [customer] = world.tenants[0].customers;
    const forged = [new Metadata(), apiKeyMetadata(rng.bytes(16).toString('hex')), apiKeyMetadata('k'.repeat(2_000))];
    const calls: Observable<unknown>[] = [...forged, adminMetadata()].flatMap((auth) => [
      server.client.getStatement(valid.statement(customer), auth),
      server.client.recordPayment(valid.payment(customer), auth),
    ]);
    for (const auth of [adminMetadata('int-admin-tokeN'), world.tenants[0].auth]) {
      calls.push(server.client.createTenant(valid.tenant(), auth));
    }
    const codes = await Promise.all(calls.map(async (c) => status[(await failure(c)).code]));
    expect(codes).toEqual(calls.map(() => 'UNAUTHENTICATED'));
  });

  it('keeps every invoice adding up: total − payments − credit notes − write-offs = balance ≥ 0', async () => {
    expect(await invoicesThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it("keeps every payment's unapplied rest equal to its amount less its allocations, and not negative", async () => {
    expect(await paymentsThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it("moves no money to another tenant's or customer's invoice, or across currencies", async () => {
    expect(await crossedLines(server.sql)).toEqual([]);
  });

  it('is still up and answering afterwards', async () => {
    expect((await fetch(`http://127.0.0.1:${server.httpPort}/readyz`)).ok).toBe(true);
    const [tenant] = world.tenants;
    const { statement } = await call(server.client.getStatement(valid.statement(tenant.customers[0]), tenant.auth));
    expect(statement!.customer!.id).toBe(tenant.customers[0].id);
  });
});
