import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { recordPaymentCommand } from './record-payment.command';
import { RecordPaymentUseCase, toPaymentProto } from './record-payment.usecase';

@Controller()
export class RecordPaymentController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly recordPayment: RecordPaymentUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'RecordPayment')
  async handle(
    request: receivables.RecordPaymentRequest,
    metadata: Metadata,
  ): Promise<receivables.RecordPaymentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(recordPaymentCommand, { ...request, tenantId }, 'PAYMENT.INVALID');
    const { payment, invoices } = await this.recordPayment.execute(command);
    return { payment: toPaymentProto(payment), invoices: invoices.map(toInvoiceProto) };
  }
}
