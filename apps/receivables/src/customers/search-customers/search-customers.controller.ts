import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { searchCustomersCommand, type SearchCustomersCommand } from './search-customers.command';
import { SearchCustomersUseCase } from './search-customers.usecase';

@Controller()
@UseGuards(TenantGuard)
export class SearchCustomersController {
  constructor(private readonly searchCustomers: SearchCustomersUseCase) {}

  @GrpcMethod('ReceivablesService', 'SearchCustomers')
  async handle(
    @TenantCommand(searchCustomersCommand, 'CUSTOMER.INVALID') command: SearchCustomersCommand,
  ): Promise<receivables.SearchCustomersResponse> {
    const { customers, nextPageToken } = await this.searchCustomers.execute(command);
    return { customers: customers.map((c) => toCustomerProto(c.customer, c.contacts)), nextPageToken };
  }
}
