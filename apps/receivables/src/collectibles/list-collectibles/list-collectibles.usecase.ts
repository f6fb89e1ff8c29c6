import { receivables } from '@chasqui/contracts';
import { Injectable } from '@nestjs/common';
import { CollectiblesRepository } from '../collectibles.repository';
import type { ListCollectiblesCommand } from './list-collectibles.command';

/**
 * The collectible invoices whose due or issue date is one asked for (in
 * its zone), or that changed since an instant, in due-date order, a page
 * per message. Dates only: which dates a reminder fires on is the
 * scheduler's to work out.
 */
@Injectable()
export class ListCollectiblesUseCase {
  constructor(private readonly collectibles: CollectiblesRepository) {}

  async *execute(command: ListCollectiblesCommand): AsyncGenerator<receivables.ListCollectiblesResponse> {
    for await (const collectibles of this.collectibles.pages(command)) yield { collectibles };
  }
}
