import {
  aCustomer,
  call,
  freePort,
  Ledger,
  ServiceStack,
  STACK_TOKENS,
  waitFor,
  type TestTenant,
} from '@chasqui/testing';
import type { scheduler } from '@chasqui/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli';

// Each command is a process of its own (about half a second to start): a test runs several.
jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'chasqui-cli-files-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/**
 * The built CLI against real receivables and scheduler processes (a
 * ServiceStack): what an operator types, what it prints, its exit codes.
 */
describe('chasqui (the CLI) against the services', () => {
  let stack: ServiceStack;
  let tenant: TestTenant;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await ServiceStack.start({ services: ['receivables', 'scheduler'], env: { TICK_INTERVAL_MS: '0' } });
    tenant = await stack.tenant({ name: 'Ferretería La Paloma' });
    env = {
      CHASQUI_RECEIVABLES_URL: stack.grpcAddress('receivables'),
      CHASQUI_SCHEDULER_URL: stack.grpcAddress('scheduler'),
      CHASQUI_API_KEY: tenant.apiKey,
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const chasqui = (...args: string[]) => runCli(args, env);

  /** Until receivables' customer.changed has reached the scheduler (which refuses customers it never heard of). */
  const announced = (customerId: string) =>
    waitFor(async () => {
      const { rows } = await stack.sql.query(
        'select 1 from scheduler.customer_policies where customer_id = $1 and known',
        [customerId],
      );
      return rows.length === 1;
    }, `the scheduler to hear of customer ${customerId}`);

  describe('tenants', () => {
    it('shows the tenant of the API key, as a table and as JSON', async () => {
      const table = await chasqui('tenants', 'show');
      expect(table).toMatchObject({ code: 0, stderr: '' });
      expect(table.stdout).toContain('Ferretería La Paloma');
      expect(table.stdout).toContain('America/Mexico_City');
      expect(table.stdout).not.toContain(tenant.apiKey);

      const json = await chasqui('--json', 'tenants', 'show');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ id: tenant.id, name: 'Ferretería La Paloma', country: 'MX' });
    });

    it('updates settings and leaves the rest as it was', async () => {
      const updated = await chasqui(
        '--json',
        'tenants',
        'update',
        '--payment-term-days',
        '45',
        '--payment-allocation',
        'as_given',
      );
      expect(updated.code).toBe(0);
      expect(JSON.parse(updated.stdout)).toMatchObject({
        name: 'Ferretería La Paloma',
        settings: { defaultPaymentTermDays: 45, paymentAllocation: 'PAYMENT_ALLOCATION_AS_GIVEN' },
      });
      const shown = JSON.parse((await chasqui('--json', 'tenants', 'show')).stdout);
      expect(shown.settings.defaultPaymentTermDays).toBe(45);
    });

    it("reports the service's refusal on one line with the field, exit code 1", async () => {
      const refused = await chasqui('tenants', 'update', '--time-zone', 'Mars/Olympus_Mons');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^chasqui: receivables: INVALID_ARGUMENT: .+\n {2}time_?[zZ]one/);
    });

    it('refuses bad usage before calling anything, exit code 2', async () => {
      const bad = await chasqui('tenants', 'update', '--payment-term-days', 'soon');
      expect(bad).toMatchObject({ code: 2, stderr: 'chasqui: --payment-term-days: must be a whole number\n' });
      expect((await runCli(['tenants', 'show'], { ...env, CHASQUI_API_KEY: '' })).code).toBe(2);
    });

    it('creates a tenant with the admin token and prints its new key once', async () => {
      const created = await runCli(
        [
          '--json',
          'tenants',
          'create',
          '--name',
          'Distribuidora Andes',
          '--country',
          'CL',
          '--time-zone',
          'America/Santiago',
          '--currency',
          'CLP',
          '--locale',
          'es-CL',
        ],
        { ...env, CHASQUI_API_KEY: '', CHASQUI_ADMIN_TOKEN: STACK_TOKENS.admin },
      );
      expect(created.code).toBe(0);
      const { tenant: made, apiKey } = JSON.parse(created.stdout);
      expect(made).toMatchObject({ name: 'Distribuidora Andes', country: 'CL', defaultCurrency: 'CLP' });
      const shown = await runCli(['--json', 'tenants', 'show'], { ...env, CHASQUI_API_KEY: apiKey });
      expect(JSON.parse(shown.stdout).id).toBe(made.id);
    });
  });

  describe('import', () => {
    let customerId: string;

    beforeAll(async () => {
      const { customer } = await call(
        stack.receivables.createCustomer(aCustomer({ externalId: 'C-100' }), tenant.auth),
      );
      customerId = customer!.id;
    });

    it("imports the good rows and reports each bad one by line and field (the file's and the service's), exit 1", async () => {
      const invoices = file(
        'invoices.csv',
        [
          'customer_external_id,series,folio,issue_date,due_date,currency,total_minor',
          'C-100,A,1001,2026-01-15,2026-02-14,MXN,125050',
          'C-100,A,1002,2026-13-40,,MXN,5000',
          'C-100,A,1003,2026-01-20,,MXN,12.50',
          'C-100,A,1004,2026-01-21,,MXN,9900',
        ].join('\n'),
      );
      const run = await chasqui('--json', 'import', 'invoices', invoices);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('chasqui: 2 of 4 rows were not imported\n');
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ rows: 4, imported: 2, duplicates: 0, refused: 2 });
      expect(report.errors).toEqual([
        { line: 3, row: 2, field: expect.stringMatching(/issue_?[dD]ate/), message: expect.any(String) },
        { line: 4, row: 3, field: 'total_minor', message: 'must be a whole number of minor units (got "12.50")' },
      ]);
      const { rows } = await stack.sql.query<{ folio: string }>(
        `select folio from receivables.invoices where customer_id = $1 order by folio`,
        [customerId],
      );
      expect(rows.map((r) => r.folio)).toEqual(['1001', '1004']);

      const again = await chasqui('import', 'invoices', invoices);
      expect(again.code).toBe(1);
      expect(again.stdout).toContain('4 rows, 0 imported, 2 duplicates, 2 refused');
      expect(again.stdout).toMatch(/│ 3 +│ 2 +│ issue_?[dD]ate/);
    });

    it('imports payments naming invoices by series and folio; all good: exit 0', async () => {
      const payments = file(
        'payments.csv',
        [
          'external_id,customer_external_id,date,currency,amount_minor,allocations',
          'P-1,C-100,2026-02-01,MXN,9900,A/1004=9900',
        ].join('\n'),
      );
      const run = await chasqui('--json', 'import', 'payments', payments);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toMatchObject({ rows: 1, recorded: 1, replays: 0, refused: 0, errors: [] });
    });

    it('refuses a file whose header lacks a column, sending nothing, exit 2', async () => {
      const bad = file('bad.csv', 'customer_external_id,folio,issue_date,currency,total\nC-100,1,2026-01-01,MXN,1\n');
      const run = await chasqui('import', 'invoices', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('missing column(s) total_minor; unknown column(s) total');
    });
  });

  describe('rules', () => {
    it('creates a rule from YAML, lists it, disables and enables it', async () => {
      const yaml = file(
        'overdue.yaml',
        ['name: Vencidas cada semana', 'send_hour: 10', 'schedule:', '  overdue: { from_days: 1, every_days: 7 }'].join(
          '\n',
        ),
      );
      const created = await chasqui('--json', 'rules', 'create', '-f', yaml);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const rule = JSON.parse(created.stdout);
      expect(rule).toMatchObject({
        name: 'Vencidas cada semana',
        kind: 'RULE_KIND_OVERDUE',
        active: true,
        sendHour: 10,
      });

      const listed = await chasqui('rules', 'list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(
        new RegExp(`${rule.id} +│ Vencidas cada semana +│ overdue +│ yes +│ 10 +│ overdue \\+1d every 7d`),
      );

      const disabled = await chasqui('--json', 'rules', 'disable', rule.id);
      expect(disabled.code).toBe(0);
      expect(JSON.parse(disabled.stdout)).toMatchObject({
        id: rule.id,
        active: false,
        overdue: { fromDays: 1, everyDays: 7 },
      });
      const afterDisable = JSON.parse((await chasqui('--json', 'rules', 'list')).stdout);
      expect(afterDisable).toEqual([expect.objectContaining({ id: rule.id, active: false, sendHour: 10 })]);

      expect((await chasqui('rules', 'enable', rule.id)).code).toBe(0);
      expect(JSON.parse((await chasqui('--json', 'rules', 'list')).stdout)[0].active).toBe(true);
    });

    it('refuses a rule file naming each bad field before calling, exit 2', async () => {
      const bad = file('bad.yaml', 'name: x\nsend_hour: 30\nschedule: { overdue: { from: 1 } }\n');
      const run = await chasqui('rules', 'create', '-f', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('send_hour: must be at most 23');
      expect(run.stderr).toContain('schedule.overdue.from: unknown field');
      expect(run.stderr).toContain('schedule.overdue.from_days: is required');
      expect(JSON.parse((await chasqui('--json', 'rules', 'list')).stdout)).toHaveLength(1);
    });

    it('disabling a rule that is not there is a usage error', async () => {
      const run = await chasqui('rules', 'disable', '00000000-0000-4000-8000-000000000000');
      expect(run).toMatchObject({ code: 2 });
      expect(run.stderr).toContain('no rule 00000000-0000-4000-8000-000000000000');
    });
  });

  describe('forecast, runs and occurrences', () => {
    let tenantEnv: Record<string, string>;
    let customerId: string;
    let ruleId: string;
    const as = (...args: string[]) => runCli(args, tenantEnv);

    beforeAll(async () => {
      const other = await stack.tenant({ name: 'Cobranza Norte' });
      tenantEnv = { ...env, CHASQUI_API_KEY: other.apiKey };
      const ledger = new Ledger(stack, other.auth);
      customerId = await ledger.customer('N-1');
      await ledger.invoice(customerId, 'N-77', '2026-05-01', '50000');
      const rule = file('once.yaml', 'name: Un día después\nschedule:\n  overdue: { from_days: 1 }\n');
      ruleId = JSON.parse((await as('--json', 'rules', 'create', '-f', rule)).stdout).id;
      await announced(customerId);
    });

    it('forecasts the reminder the rule will send', async () => {
      const run = await as('--json', 'forecast', customerId, '--from', '2026-05-01', '--to', '2026-05-10');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual([
        expect.objectContaining({ ruleId, localDate: '2026-05-02', ruleKind: 'RULE_KIND_OVERDUE', skipReason: '' }),
      ]);
    });

    it('previews a cycle, runs it, and lists what it decided', async () => {
      const preview = await as('--json', 'runs', 'preview', '--as-of', '2026-05-02T18:00:00Z');
      expect(preview.code).toBe(0);
      expect(JSON.parse(preview.stdout)).toMatchObject({
        customers: 1,
        reminders: 1,
        amounts: [{ currency: 'MXN', amountMinor: '50000' }],
      });
      const table = await as('runs', 'preview', '--as-of', '2026-05-02T18:00:00Z');
      expect(table.stdout).toContain('MXN 500.00');

      const cycle = await as('--json', 'runs', 'cycle', '--as-of', '2026-05-02T18:00:00Z');
      expect(cycle.code).toBe(0);
      expect(JSON.parse(cycle.stdout)).toMatchObject({ queued: 1, skipped: 0, missed: 0 });

      const occurrences = await as('--json', 'occurrences', customerId);
      expect(occurrences.code).toBe(0);
      expect(JSON.parse(occurrences.stdout)).toEqual([
        expect.objectContaining({
          ruleId,
          customerId,
          localDate: '2026-05-02',
          status: 'OCCURRENCE_STATUS_QUEUED',
          decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        }),
      ]);
      expect(JSON.parse((await as('--json', 'occurrences', customerId, '--status', 'skipped')).stdout)).toEqual([]);
      const listed = await as('occurrences', customerId);
      expect(listed.stdout).toMatch(/2026-05-02 +│ overdue +│ queued/);
    });

    it("approves the tenant's open run, releasing what waits in it", async () => {
      const approving = await stack.tenant({ name: 'Cobranza con aprobación' });
      const approverEnv = { ...env, CHASQUI_API_KEY: approving.apiKey };
      const ledger = new Ledger(stack, approving.auth);
      const waiting = await ledger.customer('A-1');
      await ledger.invoice(waiting, 'A-1', '2026-05-01');
      await call(
        stack
          .client<scheduler.SchedulerServiceClient>('scheduler')
          .updateSettings({ approvalRequired: true }, approving.auth),
      );
      const rule = file('approval.yaml', 'name: Un día después\nschedule:\n  overdue: { from_days: 1 }\n');
      expect((await runCli(['rules', 'create', '-f', rule], approverEnv)).code).toBe(0);
      await announced(waiting);

      const cycle = JSON.parse(
        (await runCli(['--json', 'runs', 'cycle', '--as-of', '2026-05-02T18:00:00Z'], approverEnv)).stdout,
      );
      expect(cycle).toMatchObject({ queued: 0, awaitingApproval: 1 });
      const approved = await runCli(['--json', 'runs', 'approve'], approverEnv);
      expect(approved.code).toBe(0);
      expect(JSON.parse(approved.stdout)).toEqual({ runId: cycle.runId, released: 1, settled: 0 });
      const again = await runCli(['runs', 'approve'], approverEnv);
      expect(again).toMatchObject({ code: 2, stderr: 'chasqui: no run is waiting for approval\n' });
    });

    it('refuses a status it does not know, exit 2', async () => {
      const run = await as('occurrences', customerId, '--status', 'sent');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--status: must be one of queued, skipped, missed');
    });
  });

  describe('activity and dead letters', () => {
    it('says on one line that delivery cannot be reached, exit 1', async () => {
      const nobody = `127.0.0.1:${await freePort()}`;
      const run = await chasqui('--delivery', nobody, '--deadline', '3000', 'activity', tenant.id);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^chasqui: delivery: (UNAVAILABLE|DEADLINE_EXCEEDED): .+\n$/);
    });

    it("lists a service's dead letters with the admin token, and wants the token", async () => {
      const admin = { ...env, CHASQUI_ADMIN_TOKEN: STACK_TOKENS.admin };
      const listed = await runCli(['--json', 'dead-letters', 'list', '--service', 'scheduler'], admin);
      expect(listed).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(listed.stdout)).toEqual([]);
      const wrong = await runCli(['dead-letters', 'list', '--service', 'scheduler'], {
        ...env,
        CHASQUI_ADMIN_TOKEN: 'not-the-token',
      });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toBe('chasqui: scheduler: UNAUTHENTICATED: the admin token is not valid\n');
    });

    it('will not replay every letter unless told --all, exit 2', async () => {
      const run = await runCli(['dead-letters', 'replay', '--service', 'scheduler', '--note', 'ops'], {
        ...env,
        CHASQUI_ADMIN_TOKEN: STACK_TOKENS.admin,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('say which letters to replay');
    });
  });
});
