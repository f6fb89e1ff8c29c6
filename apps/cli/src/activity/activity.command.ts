import { delivery } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { emit, iso, pages, short, table } from '../output/output';
import { integer } from '../output/values';

export function activityCommand(program: Command): void {
  program
    .command('activity <customer-id>')
    .description("a customer's messages, oldest first, with what became of each (delivery)")
    .option('--invoice <id>', 'only those about this invoice')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      withContext(async (context, customerId: string, options: { invoice?: string; limit: string }) => {
        const limit = integer('--limit', options.limit, 1);
        const client = context.tenantClient('delivery');
        const messages = await pages(limit, async (pageSize, pageToken) => {
          const page = await client.unary('ListActivity', delivery.ListActivityRequest, delivery.ListActivityResponse, {
            customerId,
            invoiceId: options.invoice ?? '',
            pageSize,
            pageToken,
          });
          return { items: page.messages, next: page.nextPageToken };
        });
        emit(context.json, messages, () =>
          table(
            ['created at', 'subject', 'to', 'status', 'last event', 'reason'],
            messages.map((m) => {
              const last = m.timeline[m.timeline.length - 1];
              return [
                iso(m.createdAt),
                m.test ? `[test] ${m.subject}` : m.subject,
                m.to.join(', '),
                short(m.status, 'MESSAGE_STATUS_'),
                last ? `${short(last.kind, 'EVENT_KIND_')} ${iso(last.at)}` : '',
                m.reason,
              ];
            }),
          ),
        );
      }),
    );
}
