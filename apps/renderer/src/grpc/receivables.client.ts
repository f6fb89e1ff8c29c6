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

  /** The invoices' latest XML and PDF: with content while they fit in `maxBytes`, the rest named only. */
  async documents(
    tenantId: string,
    invoiceIds: string[],
    maxBytes: number,
    traceparent?: string,
  ): Promise<receivables.ListDocumentsResponse> {
    if (invoiceIds.length === 0) return { documents: [], leftOut: [] };
    return firstValueFrom(
      this.client.service.listDocuments(
        { invoiceIds: invoiceIds.slice(0, 100), maxBytes: String(maxBytes) },
        serviceMetadata(this.serviceToken, tenantId, traceparent),
      ),
    );
  }

  /** One stored document, for a document link. */
  async document(tenantId: string, attachmentId: string): Promise<receivables.Document> {
    const { document } = await firstValueFrom(
      this.client.service.getDocument({ attachmentId }, serviceMetadata(this.serviceToken, tenantId)),
    );
    if (!document) throw new Error('receivables answered GetDocument without a document');
    return document;
  }

  close(): void {
    this.client.close();
  }
}
