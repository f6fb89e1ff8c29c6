import { receivables } from '@chasqui/contracts';
import { grpcClient, serviceMetadata, type CallDeadlines } from '@chasqui/grpc';
import { concatMap, firstValueFrom, type Observable } from 'rxjs';

/** receivables as the scheduler sees it: the collectible invoices. */
export class ReceivablesClient {
  private readonly client: { service: receivables.ReceivablesServiceClient; close: () => void };

  constructor(
    url: string,
    private readonly serviceToken: string,
    deadlines: CallDeadlines,
  ) {
    this.client = grpcClient<receivables.ReceivablesServiceClient>('receivables', url, deadlines);
  }

  /** The tenant's collectible invoices, narrowed by the filters given (the others are open), one by one. */
  collectibles(
    tenantId: string,
    filters: Partial<receivables.ListCollectiblesRequest>,
  ): Observable<receivables.Collectible> {
    const request: receivables.ListCollectiblesRequest = {
      dueFrom: '',
      dueTo: '',
      issuedFrom: '',
      customerId: '',
      changedSince: '',
      invoiceIds: [],
      ...filters,
    };
    return this.client.service
      .listCollectibles(request, serviceMetadata(this.serviceToken, tenantId))
      .pipe(concatMap((page) => page.collectibles));
  }

  /** The zones and country of the tenant's collectible invoices, and their oldest due date. */
  collectibleScope(tenantId: string): Promise<receivables.GetCollectibleScopeResponse> {
    return firstValueFrom(this.client.service.getCollectibleScope({}, serviceMetadata(this.serviceToken, tenantId)));
  }

  /** The contacts of some of the tenant's customers (at most 1,000 at once), by customer id. */
  async contacts(tenantId: string, customerIds: string[]): Promise<Map<string, receivables.Contact[]>> {
    if (customerIds.length === 0) return new Map();
    const { customers } = await firstValueFrom(
      this.client.service.listContacts({ customerIds }, serviceMetadata(this.serviceToken, tenantId)),
    );
    return new Map(customers.map((c) => [c.customerId, c.contacts]));
  }

  close(): void {
    this.client.close();
  }
}
