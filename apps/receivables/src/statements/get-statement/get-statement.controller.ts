import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto, toTenantProto } from '../../grpc/to-proto';
import { getStatementCommand, type GetStatementCommand } from './get-statement.command';
import { GetStatementUseCase } from './get-statement.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetStatementController {
  constructor(private readonly getStatement: GetStatementUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetStatement')
  async handle(
    @TenantCommand(getStatementCommand, 'STATEMENT.INVALID') command: GetStatementCommand,
  ): Promise<receivables.GetStatementResponse> {
    const view = await this.getStatement.execute(command);
    return {
      statement: {
        tenant: toTenantProto(view.tenant),
        customer: toCustomerProto(view.customer, view.contacts),
        asOf: view.asOf,
        lines: view.lines,
        totals: view.totals,
      },
    };
  }
}
