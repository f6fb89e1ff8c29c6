import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { defer, from, mergeMap, type Observable } from 'rxjs';
import { listCollectiblesCommand } from './list-collectibles.command';
import { ListCollectiblesUseCase } from './list-collectibles.usecase';

@Controller()
export class ListCollectiblesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listCollectibles: ListCollectiblesUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'ListCollectibles')
  handle(
    request: receivables.ListCollectiblesRequest,
    metadata: Metadata,
  ): Observable<receivables.ListCollectiblesResponse> {
    return defer(async () => {
      this.auth.requireService(metadata);
      const tenantId = await this.auth.tenantOf(metadata);
      return parseRequest(listCollectiblesCommand, { ...request, tenantId }, 'COLLECTIBLES.INVALID');
    }).pipe(mergeMap((command) => from(this.listCollectibles.execute(command))));
  }
}
