import { operations } from '@chasqui/contracts';
import { Option, type Command } from 'commander';
import { withContext } from '../action';
import { SERVICES, type ServiceName } from '../config/settings';
import { emit, iso, pages, short, table } from '../output/output';
import { integer } from '../output/values';
import { deadLetterFilter, replayRequest, type FilterOptions } from './dead-letter-filter';

type Options = FilterOptions & { service: ServiceName; limit: string };

export function deadLettersCommand(program: Command): void {
  const deadLetters = program
    .command('dead-letters')
    .description("the messages a service's consumers gave up on (operator: admin token)");
  const withFilter = (command: Command) =>
    command
      .addOption(new Option('--service <name>', 'whose dead letters').choices(SERVICES).makeOptionMandatory())
      .option('--queue <queue>', 'e.g. renderer.render-jobs')
      .option('--reason <words>', 'words the reason contains')
      .option('--tenant <id>', 'one tenant')
      .option('--before <instant>', 'dead-lettered at or before')
      .option('--after <instant>', 'dead-lettered at or after')
      .option('--id <id...>', 'exactly these letters');

  withFilter(deadLetters.command('list').description('dead letters, oldest first'))
    .option('--include-replayed', 'also those already replayed')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      withContext(async (context, options: Options & { includeReplayed?: boolean }) => {
        const filter = deadLetterFilter(options);
        const limit = integer('--limit', options.limit, 1);
        const client = context.adminClient(options.service, 'operations');
        const letters = await pages(limit, async (pageSize, pageToken) => {
          const page = await client.unary(
            'ListDeadLetters',
            operations.ListDeadLettersRequest,
            operations.ListDeadLettersResponse,
            { filter, includeReplayed: options.includeReplayed === true, pageSize, pageToken },
          );
          return { items: page.deadLetters, next: page.nextPageToken };
        });
        emit(context.json, letters, () => lettersTable(letters));
      }),
    );

  withFilter(deadLetters.command('replay').description('send matching letters back to their queues, each once'))
    .option('--all', 'every pending letter (when no filter is given)')
    .option('--limit <n>', 'at most this many (1-1000)', '100')
    .option('--note <text>', 'who replays and why')
    .action(
      withContext(async (context, options: Options & { all?: boolean; note?: string }) => {
        const request = replayRequest({ ...options, limit: integer('--limit', options.limit, 1) });
        const { replayed } = await context
          .adminClient(options.service, 'operations')
          .unary(
            'ReplayDeadLetters',
            operations.ReplayDeadLettersRequest,
            operations.ReplayDeadLettersResponse,
            request,
          );
        emit(context.json, replayed, () => `${replayed.length} replayed\n${lettersTable(replayed)}`);
      }),
    );
}

function lettersTable(letters: operations.DeadLetter[]): string {
  return table(
    ['dead at', 'queue', 'death', 'attempts', 'tenant', 'reason', 'replayed', 'id'],
    letters.map((l) => [
      iso(l.deadLetteredAt),
      l.queue,
      short(l.death, 'DEATH_KIND_'),
      l.attempts,
      l.tenantId,
      l.reason.length > 80 ? `${l.reason.slice(0, 77)}...` : l.reason,
      iso(l.replayedAt),
      l.id,
    ]),
  );
}
