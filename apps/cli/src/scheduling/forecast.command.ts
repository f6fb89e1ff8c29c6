import { scheduler } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { emit, iso, short, table } from '../output/output';
import { scheduling } from './scheduler-client';
import { forecastRequest } from './scheduling-options';

export function forecastCommand(program: Command): void {
  program
    .command('forecast <customer-id>')
    .description('the reminders the rules will send a customer between two dates if nothing is paid')
    .option('--invoice <id>', 'one invoice only')
    .option('--from <date>', 'first local date, YYYY-MM-DD (default today)')
    .option('--to <date>', 'last local date (default 30 days after --from)')
    .action(
      withContext(async (context, customerId: string, options: { invoice?: string; from?: string; to?: string }) => {
        const request = forecastRequest(customerId, options, new Date());
        const { reminders } = await scheduling(context).unary(
          'Forecast',
          scheduler.ForecastRequest,
          scheduler.ForecastResponse,
          request,
        );
        emit(context.json, reminders, () =>
          table(
            ['date', 'fires at', 'rule', 'kind', 'invoices', 'skipped because'],
            reminders.map((r) => [
              r.localDate,
              iso(r.fireAt),
              r.ruleId,
              short(r.ruleKind, 'RULE_KIND_'),
              r.invoiceIds.length,
              r.skipReason,
            ]),
          ),
        );
      }),
    );
}
