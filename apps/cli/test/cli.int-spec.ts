import { ServiceStack, STACK_TOKENS, type TestTenant } from '@chasqui/testing';
import { runCli } from './support/run-cli';

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
});
