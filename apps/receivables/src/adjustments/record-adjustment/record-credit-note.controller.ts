import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { recordAdjustmentCommand, type RecordAdjustmentCommand } from './record-adjustment.command';
import { RecordAdjustmentUseCase } from './record-adjustment.usecase';

@Controller()
@UseGuards(TenantGuard)
export class RecordCreditNoteController {
  constructor(private readonly recordAdjustment: RecordAdjustmentUseCase) {}

  @GrpcMethod('ReceivablesService', 'RecordCreditNote')
  async handle(
    @TenantCommand(recordAdjustmentCommand, 'CREDIT_NOTE.INVALID') command: RecordAdjustmentCommand,
  ): Promise<receivables.RecordCreditNoteResponse> {
    return { invoice: toInvoiceProto(await this.recordAdjustment.execute({ ...command, kind: 'credit_note' })) };
  }
}
