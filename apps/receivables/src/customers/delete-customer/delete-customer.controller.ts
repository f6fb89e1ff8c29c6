import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { deleteCustomerCommand, type DeleteCustomerCommand } from './delete-customer.command';
import { DeleteCustomerUseCase } from './delete-customer.usecase';

@Controller()
@UseGuards(TenantGuard)
export class DeleteCustomerController {
  constructor(private readonly deleteCustomer: DeleteCustomerUseCase) {}

  @GrpcMethod('ReceivablesService', 'DeleteCustomer')
  async handle(
    @TenantCommand(deleteCustomerCommand, 'CUSTOMER.INVALID') command: DeleteCustomerCommand,
  ): Promise<receivables.DeleteCustomerResponse> {
    await this.deleteCustomer.execute(command);
    return {};
  }
}
