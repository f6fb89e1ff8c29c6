import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { createCustomerCommand, type CreateCustomerCommand } from './create-customer.command';
import { CreateCustomerUseCase } from './create-customer.usecase';

@Controller()
@UseGuards(TenantGuard)
export class CreateCustomerController {
  constructor(private readonly createCustomer: CreateCustomerUseCase) {}

  @GrpcMethod('ReceivablesService', 'CreateCustomer')
  async handle(
    @TenantCommand(createCustomerCommand, 'CUSTOMER.INVALID') command: CreateCustomerCommand,
  ): Promise<receivables.CreateCustomerResponse> {
    const { customer, contacts } = await this.createCustomer.execute(command);
    return { customer: toCustomerProto(customer, contacts) };
  }
}
