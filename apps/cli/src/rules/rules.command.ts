import { scheduler } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { UsageError } from '../cli-errors';
import { readText } from '../files';
import type { Context } from '../context';
import { emit, table, short } from '../output/output';
import { definitionOf, describeSchedule } from './rule-definition';
import { parseRuleFile } from './rule-file';

export function rulesCommand(program: Command): void {
  const rules = program.command('rules').description("the tenant's collection rules (scheduler)");

  rules
    .command('list')
    .description('every rule, oldest first')
    .action(
      withContext(async (context) => {
        const list = await listRules(context);
        emit(context.json, list, () => rulesTable(list));
      }),
    );

  rules
    .command('create')
    .description('create a rule from a YAML file (see the README for its fields)')
    .requiredOption('-f, --file <rule.yaml>', 'the rule')
    .action(
      withContext(async (context, options: { file: string }) => {
        const request = parseRuleFile(options.file, readText(options.file));
        const { rule } = await context
          .tenantClient('scheduler')
          .unary('CreateRule', scheduler.CreateRuleRequest, scheduler.CreateRuleResponse, request);
        emit(context.json, rule, () => rulesTable([rule!]));
      }),
    );

  for (const [name, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    rules
      .command(`${name} <rule-id>`)
      .description(active ? 'switch a rule on' : 'switch a rule off (it decides nothing until enabled)')
      .action(withContext((context, id: string) => setActive(context, id, active)));
  }
}

async function listRules(context: Context): Promise<scheduler.Rule[]> {
  const { rules } = await context
    .tenantClient('scheduler')
    .unary('ListRules', scheduler.ListRulesRequest, scheduler.ListRulesResponse, {});
  return rules;
}

/** UpdateRule replaces the whole definition: the rule as it is, with its active flag changed. */
async function setActive(context: Context, id: string, active: boolean): Promise<void> {
  const current = (await listRules(context)).find((rule) => rule.id === id);
  if (!current) throw new UsageError(`no rule ${id} (chasqui rules list shows the tenant's rules)`);
  const { rule } = await context
    .tenantClient('scheduler')
    .unary('UpdateRule', scheduler.UpdateRuleRequest, scheduler.UpdateRuleResponse, {
      ruleId: id,
      rule: { ...definitionOf(current), active },
    });
  emit(context.json, rule, () => rulesTable([rule!]));
}

function rulesTable(rules: scheduler.Rule[]): string {
  return table(
    ['id', 'name', 'kind', 'active', 'hour', 'schedule', 'grouping'],
    rules.map((rule) => [
      rule.id,
      rule.name,
      short(rule.kind, 'RULE_KIND_'),
      rule.active ? 'yes' : 'no',
      rule.sendHour,
      describeSchedule(rule),
      short(rule.grouping, 'GROUPING_'),
    ]),
  );
}
