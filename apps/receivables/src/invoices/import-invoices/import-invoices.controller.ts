import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth, toStatusError } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { Controller } from '@nestjs/common';
import { GrpcStreamCall } from '@nestjs/microservices';
import { ImportInvoicesUseCase } from './import-invoices.usecase';

/** Rows per transaction (a chunk that brings it past this is committed whole). */
const BATCH = 2000;

type ImportCall = ServerReadableStream<receivables.ImportInvoicesRequest, receivables.ImportInvoicesResponse>;

/**
 * Reads the client stream itself (not through an Observable): `for await`
 * pulls chunks of rows only as fast as batches commit, so a million rows are never
 * buffered whole in memory. One batch commits while the next is read and
 * validated (two in flight at most): reading and writing overlap instead of
 * taking turns.
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
      let batch: { row: number; request: unknown }[] = [];
      let committing: Promise<void> = Promise.resolve();
      let row = 0;
      for await (const chunk of call as AsyncIterable<receivables.ImportInvoicesRequest>) {
        for (const request of chunk.rows ?? []) batch.push({ row: row++, request });
        if (batch.length >= BATCH) {
          await committing;
          committing = run.add(batch);
          // Its failure is thrown where it is awaited, not reported as unhandled meanwhile.
          committing.catch(() => undefined);
          batch = [];
        }
      }
      await committing;
      await run.add(batch);
      callback(null, run.result());
    } catch (error) {
      callback(toStatusError(error, this.log) as Parameters<typeof callback>[0]);
    }
  }
}
