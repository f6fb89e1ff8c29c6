import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import {
  addContactCommand,
  updateContactCommand,
  type AddContactCommand,
  type UpdateContactCommand,
} from './manage-contacts.command';
import { ManageContactsUseCase } from './manage-contacts.usecase';

@Controller()
@UseGuards(TenantGuard)
export class ManageContactsController {
  constructor(private readonly contacts: ManageContactsUseCase) {}

  @GrpcMethod('ReceivablesService', 'AddContact')
  async add(
    @TenantCommand(addContactCommand, 'CONTACT.INVALID') command: AddContactCommand,
  ): Promise<receivables.AddContactResponse> {
    const { customer, contacts } = await this.contacts.add(command);
    return { customer: toCustomerProto(customer, contacts) };
  }

  @GrpcMethod('ReceivablesService', 'UpdateContact')
  async update(
    @TenantCommand(updateContactCommand, 'CONTACT.INVALID') command: UpdateContactCommand,
  ): Promise<receivables.UpdateContactResponse> {
    const { customer, contacts } = await this.contacts.update(command);
    return { customer: toCustomerProto(customer, contacts) };
  }
}
