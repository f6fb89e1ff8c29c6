import { Client, credentials, status, type Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import type { Rng } from './rng';
import type { ValidRequests } from './valid-requests';
import { invoicesOf, type FuzzTenant } from './world';

export const methodPath = (rpc: string) => `/chasqui.receivables.v1.ReceivablesService/${rpc}`;

export interface GarbageRequest {
  method: string;
  what: string;
  bytes: Buffer;
}

/** A valid request of each RPC, as bytes, to spoil. */
function validBytes(rng: Rng, valid: ValidRequests, tenant: FuzzTenant): [string, Buffer][] {
  const customer = valid.customerOf(tenant);
  const invoice = rng.pick(invoicesOf(tenant));
  return [
    ['CreateCustomer', Buffer.from(receivables.CreateCustomerRequest.encode(valid.customer(tenant)).finish())],
    ['CreateInvoice', Buffer.from(receivables.CreateInvoiceRequest.encode(valid.invoice(tenant, customer)).finish())],
    ['RecordPayment', Buffer.from(receivables.RecordPaymentRequest.encode(valid.payment(customer)).finish())],
    ['RecordCreditNote', Buffer.from(receivables.RecordCreditNoteRequest.encode(valid.creditNote(invoice)).finish())],
    ['WriteOff', Buffer.from(receivables.WriteOffRequest.encode(valid.writeOff(invoice)).finish())],
    ['GetStatement', Buffer.from(receivables.GetStatementRequest.encode(valid.statement(customer)).finish())],
  ];
}

/** Bytes that are not, or not quite, the protobuf the method expects. */
export function garbageRequests(rng: Rng, valid: ValidRequests, tenant: FuzzTenant, count: number): GarbageRequest[] {
  return Array.from({ length: count }, () => {
    const [rpc, good] = rng.pick(validBytes(rng, valid, tenant));
    const spoil: [string, () => Buffer][] = [
      ['random bytes', () => rng.bytes(rng.int(1, 256))],
      ['no bytes (every field default)', () => Buffer.alloc(0)],
      ['flipped bytes', () => flip(rng, good)],
      ['truncated', () => good.subarray(0, rng.int(1, Math.max(1, good.length - 1)))],
      [
        'unknown fields appended',
        () => Buffer.concat([good, Buffer.from([0xf8, 0x06, 0x2a, 0xc2, 0x3e, 0x03, 0x61, 0x62, 0x63])]),
      ],
      ['field 7 as bytes, not varint', () => Buffer.concat([good, Buffer.from([0x3a, 0x04]), rng.bytes(4)])],
      ['field 1 as varint, not string', () => Buffer.concat([Buffer.from([0x08, 0x96, 0x01]), good])],
      ['a varint that never ends', () => Buffer.concat([good, Buffer.from([0x28]), Buffer.alloc(12, 0xff)])],
      ['a length past the end', () => Buffer.from([0x0a, 0xff, 0xff, 0x03, 0x61, 0x62, 0x63])],
      ['invalid UTF-8 in a string', () => Buffer.concat([good, Buffer.from([0x0a, 0x04, 0xff, 0xfe, 0xc0, 0x80])])],
      ['an unterminated group', () => Buffer.concat([good, Buffer.from([0x0b, 0x10, 0x01])])],
    ];
    const [what, make] = rng.pick(spoil);
    return { method: methodPath(rpc), what, bytes: make() };
  });
}

function flip(rng: Rng, bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = rng.int(1, 4); i > 0 && copy.length > 0; i--) copy[rng.int(0, copy.length - 1)] = rng.int(0, 255);
  return copy;
}

/** Sends bytes as they are, bypassing protobuf; answers the status name and its details. */
export function sendRaw(
  client: Client,
  garbage: GarbageRequest,
  metadata: Metadata,
): Promise<{ code: string; details: string }> {
  const same = (bytes: Buffer) => bytes;
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      garbage.method,
      same,
      same,
      garbage.bytes,
      metadata,
      { deadline: Date.now() + 10_000 },
      (error) => resolve(error ? { code: status[error.code], details: error.details } : { code: 'OK', details: '' }),
    );
  });
}

export function rawClient(port: number): Client {
  return new Client(`127.0.0.1:${port}`, credentials.createInsecure());
}
