import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto, toTenantProto } from '../../grpc/to-proto';
import { getStatementCommand } from './get-statement.command';
import { GetStatementUseCase } from './get-statement.usecase';

@Controller()
export class GetStatementController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getStatement: GetStatementUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'GetStatement')
  async handle(
    request: receivables.GetStatementRequest,
    metadata: Metadata,
  ): Promise<receivables.GetStatementResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const view = await this.getStatement.execute(
      parseRequest(getStatementCommand, { ...request, tenantId }, 'STATEMENT.INVALID'),
    );
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
