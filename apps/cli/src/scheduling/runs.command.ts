import { scheduler } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { UsageError } from '../cli-errors';
import { emit, money, record, short, table, timestamp } from '../output/output';
import { instant, integer } from '../output/values';
import { scheduling } from './scheduler-client';

const S = scheduler;

export function runsCommand(program: Command): void {
  const runs = program.command('runs').description('cycles and the approval of what they decide');
  runs
    .command('preview')
    .description('what a cycle would decide now (or at --as-of), recording nothing')
    .option('--as-of <instant>', 'e.g. 2026-03-02T15:00:00Z (default now)')
    .option('--planned <n>', 'planned reminders to list', '20')
    .action(
      withContext(async (context, options: { asOf?: string; planned: string }) => {
        const shown = integer('--planned', options.planned, 0);
        const asOf = options.asOf === undefined ? undefined : timestamp(instant('--as-of', options.asOf));
        const preview = await scheduling(context).unary('PreviewRun', S.PreviewRunRequest, S.PreviewRunResponse, {
          asOf,
        });
        emit(context.json, preview, () => describePreview(preview, shown));
      }),
    );
  runs
    .command('cycle')
    .description('run a cycle now (or at --as-of): decides, once, every reminder due then')
    .option('--as-of <instant>', 'e.g. 2026-03-02T15:00:00Z (default now)')
    .action(
      withContext(async (context, options: { asOf?: string }) => {
        const asOf = timestamp(options.asOf === undefined ? new Date() : instant('--as-of', options.asOf));
        const counts = await scheduling(context).unary('RunCycle', S.RunCycleRequest, S.RunCycleResponse, { asOf });
        emit(context.json, counts, () =>
          record([
            ['queued', counts.queued],
            ['awaiting approval', counts.awaitingApproval],
            ['run', counts.runId],
            ['skipped', counts.skipped],
            ['missed', counts.missed],
            ...counts.skippedByReason.map((r): [string, number] => [`  skipped: ${r.reason}`, r.count]),
          ]),
        );
      }),
    );
  runs
    .command('approve [run-id]')
    .description("release a run's waiting reminders (default: the tenant's open run)")
    .action(
      withContext(async (context, runId: string | undefined) => {
        const client = scheduling(context);
        const id =
          runId ??
          (await client.unary('GetSettings', S.GetSettingsRequest, S.GetSettingsResponse, {})).settings?.openRunId;
        if (!id) throw new UsageError('no run is waiting for approval');
        const approved = await client.unary('ApproveRun', S.ApproveRunRequest, S.ApproveRunResponse, { runId: id });
        emit(context.json, { runId: id, ...approved }, () =>
          record([
            ['run', id],
            ['released', approved.released],
            ['skipped (settled meanwhile)', approved.settled],
          ]),
        );
      }),
    );
}

function describePreview(preview: scheduler.PreviewRunResponse, shown: number): string {
  const summary = record([
    ['customers', preview.customers],
    ['reminders', preview.reminders],
    ...preview.amounts.map((a): [string, string] => ['asking for', money(a.amountMinor, a.currency)]),
    ...preview.notSent.map((r): [string, number] => [`not sent: ${r.reason}`, r.count]),
  ]);
  const planned = table(
    ['customer', 'kind', 'date', 'invoices', 'amount', 'to'],
    preview.planned
      .slice(0, shown)
      .map((p) => [
        p.customerName || p.customerId,
        short(p.ruleKind, 'RULE_KIND_'),
        p.localDate,
        p.invoiceIds.length,
        p.amounts.map((a) => money(a.amountMinor, a.currency)).join(', '),
        p.to.join(', ') || '(nobody)',
      ]),
  );
  return shown > 0 && preview.planned.length > 0 ? `${summary}\n${planned}` : summary;
}
