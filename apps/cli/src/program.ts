import { Command } from 'commander';
import { activityCommand } from './activity/activity.command';
import { deadLettersCommand } from './dead-letters/dead-letters.command';
import { importCommand } from './imports/import.command';
import { rulesCommand } from './rules/rules.command';
import { forecastCommand } from './scheduling/forecast.command';
import { occurrencesCommand } from './scheduling/occurrences.command';
import { runsCommand } from './scheduling/runs.command';
import { tenantsCommand } from './tenants/tenants.command';

/** The `chasqui` command line: global connection options and one command per area. */
export function buildProgram(): Command {
  const program = new Command('chasqui')
    .description("Chasqui's command line for operators: the services' gRPC APIs")
    .option('--json', 'machine-readable output')
    .option('--config <file>', 'settings file (default: ~/.config/chasqui/config.yaml)')
    .option('--receivables <host:port>', 'receivables gRPC address (env CHASQUI_RECEIVABLES_URL)')
    .option('--scheduler <host:port>', 'scheduler gRPC address (env CHASQUI_SCHEDULER_URL)')
    .option('--renderer <host:port>', 'renderer gRPC address (env CHASQUI_RENDERER_URL)')
    .option('--delivery <host:port>', 'delivery gRPC address (env CHASQUI_DELIVERY_URL)')
    .option('--deadline <ms>', 'deadline of each call in milliseconds (default 10000)')
    .showHelpAfterError()
    .exitOverride();
  tenantsCommand(program);
  importCommand(program);
  rulesCommand(program);
  forecastCommand(program);
  runsCommand(program);
  occurrencesCommand(program);
  activityCommand(program);
  deadLettersCommand(program);
  return program;
}
