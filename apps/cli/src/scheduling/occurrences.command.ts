import { scheduler } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { emit, iso, pages, short, table } from '../output/output';
import { integer } from '../output/values';
import { scheduling } from './scheduler-client';
import { occurrenceFilters, type OccurrenceOptions } from './scheduling-options';

const S = scheduler;

export function occurrencesCommand(program: Command): void {
  program
    .command('occurrences [customer-id]')
    .description('what was decided, newest first: queued, skipped or missed, with the reason')
    .option('--rule <id>', 'one rule')
    .option('--invoice <id>', 'those that list this invoice')
    .option('--status <status>', 'queued, skipped, missed, awaiting_approval, dead_lettered or cancelled')
    .option('--reason <reason>', 'e.g. no_deliverable_contact, paused, settled, past_grace_period')
    .option('--from <instant>', 'decided at or after')
    .option('--to <instant>', 'decided before')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      withContext(async (context, customerId: string | undefined, options: OccurrenceOptions & { limit: string }) => {
        const filters = occurrenceFilters(customerId, options);
        const limit = integer('--limit', options.limit, 1);
        const client = scheduling(context);
        const occurrences = await pages(limit, async (pageSize, pageToken) => {
          const page = await client.unary('ListOccurrences', S.ListOccurrencesRequest, S.ListOccurrencesResponse, {
            ...filters,
            pageSize,
            pageToken,
          });
          return { items: page.occurrences, next: page.nextPageToken };
        });
        emit(context.json, occurrences, () =>
          table(
            ['decided at', 'local date', 'kind', 'status', 'reason', 'outcome', 'invoices', 'id'],
            occurrences.map((o) => [
              iso(o.decidedAt),
              o.localDate,
              short(o.ruleKind, 'RULE_KIND_'),
              short(o.status, 'OCCURRENCE_STATUS_'),
              o.reason,
              short(o.outcome, 'DELIVERY_OUTCOME_').replace('unspecified', ''),
              o.invoiceIds.length,
              o.id,
            ]),
          ),
        );
      }),
    );
}
