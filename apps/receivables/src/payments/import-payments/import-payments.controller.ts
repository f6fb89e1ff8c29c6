import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth, toStatusError } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { Controller } from '@nestjs/common';
import { GrpcStreamCall } from '@nestjs/microservices';
import { ImportPaymentsUseCase } from './import-payments.usecase';

type ImportCall = ServerReadableStream<receivables.ImportPaymentsRequest, receivables.ImportPaymentsResponse>;

/**
 * Reads the client stream itself, a chunk at a time (see ImportInvoicesController):
 * the next chunk is pulled only once this one is recorded, so a large file is
 * never buffered whole in memory.
 */
@Controller()
export class ImportPaymentsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly importPayments: ImportPaymentsUseCase,
    private readonly log: JsonLogger,
  ) {}

  @GrpcStreamCall('ReceivablesService', 'ImportPayments')
  async handle(call: ImportCall, callback: sendUnaryData<receivables.ImportPaymentsResponse>): Promise<void> {
    try {
      const run = this.importPayments.start(await this.auth.tenantOf(call.metadata));
      let row = 0;
      for await (const chunk of call as AsyncIterable<receivables.ImportPaymentsRequest>) {
        await run.add(rowsOf(chunk).map((request) => ({ row: row++, request })));
      }
      callback(null, run.result());
    } catch (error) {
      callback(toStatusError(error, this.log) as Parameters<typeof callback>[0]);
    }
  }
}

/** A chunk's rows; a message of the first form (no rows, its own fields set) is one row. */
function rowsOf(chunk: receivables.ImportPaymentsRequest): unknown[] {
  if (chunk.rows?.length) return chunk.rows;
  // The deprecated fields of the first form of the call, still read.
  const { externalId, customerExternalId, date, currency, amountMinor, allocations } = chunk;
  const single = { externalId, customerExternalId, date, currency, amountMinor, allocations };
  const empty =
    !externalId && !customerExternalId && !date && !currency && !Number(amountMinor) && !allocations?.length;
  return empty ? [] : [single];
}
