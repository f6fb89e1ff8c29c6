import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { updateCustomerCommand, type UpdateCustomerCommand } from './update-customer.command';
import { UpdateCustomerUseCase } from './update-customer.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateCustomerController {
  constructor(private readonly updateCustomer: UpdateCustomerUseCase) {}

  @GrpcMethod('ReceivablesService', 'UpdateCustomer')
  async handle(
    @TenantCommand(updateCustomerCommand, 'CUSTOMER.INVALID') command: UpdateCustomerCommand,
  ): Promise<receivables.UpdateCustomerResponse> {
    const { customer, contacts } = await this.updateCustomer.execute(command);
    return { customer: toCustomerProto(customer, contacts) };
  }
}
