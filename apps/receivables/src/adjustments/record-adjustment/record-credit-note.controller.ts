import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { recordAdjustmentCommand } from './record-adjustment.command';
import { RecordAdjustmentUseCase } from './record-adjustment.usecase';

@Controller()
export class RecordCreditNoteController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly recordAdjustment: RecordAdjustmentUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'RecordCreditNote')
  async handle(
    request: receivables.RecordCreditNoteRequest,
    metadata: Metadata,
  ): Promise<receivables.RecordCreditNoteResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(recordAdjustmentCommand, { ...request, tenantId }, 'CREDIT_NOTE.INVALID');
    return { invoice: toInvoiceProto(await this.recordAdjustment.execute({ ...command, kind: 'credit_note' })) };
  }
}
