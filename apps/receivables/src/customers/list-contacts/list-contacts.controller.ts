import { receivables } from '@chasqui/contracts';
import { ServiceOnlyGuard, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toContactProto } from '../../grpc/to-proto';
import { listContactsCommand, type ListContactsCommand } from './list-contacts.command';
import { ListContactsUseCase } from './list-contacts.usecase';

/** For Chasqui services acting for a tenant. */
@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
export class ListContactsController {
  constructor(private readonly listContacts: ListContactsUseCase) {}

  @GrpcMethod('ReceivablesService', 'ListContacts')
  async handle(
    @TenantCommand(listContactsCommand, 'CONTACTS.INVALID') command: ListContactsCommand,
  ): Promise<receivables.ListContactsResponse> {
    const byCustomer = await this.listContacts.execute(command);
    return {
      customers: [...byCustomer].map(([customerId, contacts]) => ({
        customerId,
        contacts: contacts.map(toContactProto),
      })),
    };
  }
}
