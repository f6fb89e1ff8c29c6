import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { TenantAuth, toStatusError } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { Controller } from '@nestjs/common';
import { GrpcStreamCall } from '@nestjs/microservices';
import { ImportPaymentsUseCase } from './import-payments.usecase';

type ImportCall = ServerReadableStream<receivables.ImportPaymentsRequest, receivables.ImportPaymentsResponse>;

/** Reads the client stream directly, one row at a time (see ImportInvoicesController). */
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
      const tenantId = await this.auth.tenantOf(call.metadata);
      callback(
        null,
        await this.importPayments.execute(tenantId, call as AsyncIterable<receivables.ImportPaymentsRequest>),
      );
    } catch (error) {
      callback(toStatusError(error, this.log) as Parameters<typeof callback>[0]);
    }
  }
}
