import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { recordPaymentCommand, type RecordPaymentCommand } from './record-payment.command';
import { RecordPaymentUseCase, toPaymentProto } from './record-payment.usecase';

@Controller()
@UseGuards(TenantGuard)
export class RecordPaymentController {
  constructor(private readonly recordPayment: RecordPaymentUseCase) {}

  @GrpcMethod('ReceivablesService', 'RecordPayment')
  async handle(
    @TenantCommand(recordPaymentCommand, 'PAYMENT.INVALID') command: RecordPaymentCommand,
  ): Promise<receivables.RecordPaymentResponse> {
    const { payment, invoices } = await this.recordPayment.execute(command);
    return { payment: toPaymentProto(payment), invoices: invoices.map(toInvoiceProto) };
  }
}
