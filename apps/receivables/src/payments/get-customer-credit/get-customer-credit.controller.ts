import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toPaymentProto } from '../record-payment/record-payment.usecase';
import { getCustomerCreditCommand, type GetCustomerCreditCommand } from './get-customer-credit.command';
import { GetCustomerCreditUseCase } from './get-customer-credit.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetCustomerCreditController {
  constructor(private readonly getCustomerCredit: GetCustomerCreditUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetCustomerCredit')
  async handle(
    @TenantCommand(getCustomerCreditCommand, 'CUSTOMER.INVALID') command: GetCustomerCreditCommand,
  ): Promise<receivables.GetCustomerCreditResponse> {
    const credits = await this.getCustomerCredit.execute(command);
    return { credits: credits.map((c) => ({ ...c, payments: c.payments.map(toPaymentProto) })) };
  }
}
