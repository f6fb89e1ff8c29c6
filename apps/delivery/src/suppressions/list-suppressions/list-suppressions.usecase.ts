import { Injectable } from '@nestjs/common';
import type { Suppression } from '../suppression.entity';
import { suppressionPageToken } from '../suppression.proto';
import { SuppressionRepository } from '../suppression.repository';

@Injectable()
export class ListSuppressionsUseCase {
  constructor(private readonly suppressions: SuppressionRepository) {}

  async execute(command: {
    tenantId: string;
    address: string;
    pageSize: number;
    pageToken: string;
  }): Promise<{ suppressions: Suppression[]; nextPageToken: string }> {
    const after = command.pageToken ? suppressionPageToken.read(command.pageToken) : undefined;
    const rows = await this.suppressions.list(command.tenantId, command.pageSize + 1, {
      address: command.address || undefined,
      after,
    });
    const page = rows.slice(0, command.pageSize);
    return {
      suppressions: page,
      nextPageToken: rows.length > page.length ? suppressionPageToken.write(page[page.length - 1]) : '',
    };
  }
}
