import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { receivables } from '@chasqui/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import type { FuzzRequest, Rpc } from './requests';

/** How a call ended: OK, a gRPC status name, or CLIENT_ENCODE when the client could not even encode it. */
export interface Outcome {
  code: string;
  error?: ServiceError;
}

const METHODS: Record<Rpc, keyof receivables.ReceivablesServiceClient> = {
  CreateTenant: 'createTenant',
  CreateCustomer: 'createCustomer',
  CreateInvoice: 'createInvoice',
  RecordPayment: 'recordPayment',
  RecordCreditNote: 'recordCreditNote',
  WriteOff: 'writeOff',
  GetStatement: 'getStatement',
};

/** The operator's credential (ReceivablesServer's ADMIN_TOKEN), or a wrong one. */
export function adminMetadata(token = 'int-admin-token'): Metadata {
  const metadata = new Metadata();
  metadata.set('x-admin-token', token);
  return metadata;
}

export async function send(client: receivables.ReceivablesServiceClient, fuzz: FuzzRequest): Promise<Outcome> {
  const method = client[METHODS[fuzz.rpc]] as (request: unknown, metadata: Metadata) => Observable<unknown>;
  try {
    await firstValueFrom(method(fuzz.request, fuzz.tenant?.auth ?? adminMetadata()));
    return { code: 'OK' };
  } catch (caught) {
    const error = caught as ServiceError;
    // grpc-js refuses, before sending, what protobuf cannot encode (e.g. a string where a list belongs).
    const unsent = error.code === status.INTERNAL && error.details?.startsWith('Request message serialization failure');
    return { code: unsent ? 'CLIENT_ENCODE' : status[error.code], error };
  }
}

/** Runs `work` over `items`, at most `limit` at a time, started in order. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
