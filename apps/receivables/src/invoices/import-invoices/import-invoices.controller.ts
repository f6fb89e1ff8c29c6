import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth, toStatusError } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { Controller } from '@nestjs/common';
import { GrpcStreamCall } from '@nestjs/microservices';
import { ImportInvoicesUseCase } from './import-invoices.usecase';

/** Rows per transaction (a chunk that brings it past this is committed whole). */
const BATCH = 2000;
/** Batches validated and written side by side: the database works on one while Node checks the next. */
const IN_FLIGHT = 2;

type ImportCall = ServerReadableStream<receivables.ImportInvoicesRequest, receivables.ImportInvoicesResponse>;

/**
 * Reads the client stream itself (not through an Observable): `for await`
 * pulls chunks of rows only as fast as batches commit, so a million rows are
 * never buffered whole in memory. Two batches are written at once while the
 * next is read: reading, validating and writing overlap instead of taking
 * turns (InvoiceImport keeps concurrent batches from deadlocking).
 */
@Controller()
export class ImportInvoicesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly importInvoices: ImportInvoicesUseCase,
    private readonly log: JsonLogger,
  ) {}

  @GrpcStreamCall('ReceivablesService', 'ImportInvoices')
  async handle(call: ImportCall, callback: sendUnaryData<receivables.ImportInvoicesResponse>): Promise<void> {
    try {
      const run = await this.importInvoices.start(await this.auth.tenantOf(call.metadata));
      const inFlight: Promise<void>[] = [];
      const commit = async (rows: { row: number; request: unknown }[]) => {
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        const work = run.add(rows);
        // Its failure is thrown where it is awaited, not reported as unhandled meanwhile.
        work.catch(() => undefined);
        inFlight.push(work);
      };
      let batch: { row: number; request: unknown }[] = [];
      let row = 0;
      for await (const chunk of call as AsyncIterable<receivables.ImportInvoicesRequest>) {
        for (const request of chunk.rows ?? []) batch.push({ row: row++, request });
        if (batch.length >= BATCH) {
          await commit(batch);
          batch = [];
        }
      }
      await commit(batch);
      for (const work of inFlight) await work;
      callback(null, run.result());
    } catch (error) {
      callback(toStatusError(error, this.log) as Parameters<typeof callback>[0]);
    }
  }
}
