import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth, toStatusError } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { Controller } from '@nestjs/common';
import { GrpcStreamCall } from '@nestjs/microservices';
import { ImportInvoicesUseCase } from './import-invoices.usecase';

const BATCH = 1000;

type ImportCall = ServerReadableStream<receivables.ImportInvoicesRequest, receivables.ImportInvoicesResponse>;

/**
 * Reads the client stream itself (not through an Observable): `for await`
 * pulls one batch at a time, so a million rows are read only as fast as they
 * are written, never buffered whole in memory.
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
      let row = 0;
      for await (const request of call as AsyncIterable<receivables.ImportInvoicesRequest>) {
        batch.push({ row: row++, request });
        if (batch.length === BATCH) {
          await run.add(batch);
          batch = [];
        }
      }
      await run.add(batch);
      callback(null, run.result());
    } catch (error) {
      callback(toStatusError(error, this.log) as Parameters<typeof callback>[0]);
    }
  }
}
