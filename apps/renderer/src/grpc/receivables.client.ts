import { receivables } from '@chasqui/contracts';
import { grpcClient, serviceMetadata, type CallDeadlines } from '@chasqui/grpc';
import { firstValueFrom } from 'rxjs';

/** receivables as the renderer sees it: the statement, fetched fresh for every job. */
export class ReceivablesClient {
  private readonly client: { service: receivables.ReceivablesServiceClient; close: () => void };

  constructor(
    url: string,
    private readonly serviceToken: string,
    deadlines: CallDeadlines,
  ) {
    this.client = grpcClient<receivables.ReceivablesServiceClient>('receivables', url, deadlines);
  }

  async statement(
    tenantId: string,
    customerId: string,
    asOf: string,
    traceparent?: string,
  ): Promise<receivables.Statement> {
    const metadata = serviceMetadata(this.serviceToken, tenantId, traceparent);
    const { statement } = await firstValueFrom(
      this.client.service.getStatement(
        { customerId, asOf, scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN },
        metadata,
      ),
    );
    if (!statement) throw new Error('receivables answered GetStatement without a statement');
    return statement;
  }

  close(): void {
    this.client.close();
  }
}
