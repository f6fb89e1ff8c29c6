import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toPaymentProto } from '../record-payment/record-payment.usecase';
import { getCustomerCreditCommand } from './get-customer-credit.command';
import { GetCustomerCreditUseCase } from './get-customer-credit.usecase';

@Controller()
export class GetCustomerCreditController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getCustomerCredit: GetCustomerCreditUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'GetCustomerCredit')
  async handle(
    request: receivables.GetCustomerCreditRequest,
    metadata: Metadata,
  ): Promise<receivables.GetCustomerCreditResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(getCustomerCreditCommand, { ...request, tenantId }, 'CUSTOMER.INVALID');
    const credits = await this.getCustomerCredit.execute(command);
    return { credits: credits.map((c) => ({ ...c, payments: c.payments.map(toPaymentProto) })) };
  }
}
