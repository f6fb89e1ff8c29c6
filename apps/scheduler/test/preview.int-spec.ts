import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { instant, Ledger } from './support/ledger';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('PreviewRun: what a cycle would send, before it does', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('summarises customers, reminders, amounts per currency and what would not be sent — recording nothing', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await call(
      stack.scheduler.createRule(
        {
          name: 'vencidas, un correo por cliente',
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_CUSTOMER,
          businessDaysOnly: false,
          overdue: { fromDays: 1, untilDays: 9, everyDays: 2 },
          audience: {
            contactRoles: ['Finanzas'],
            extraRecipients: ['cobranza@proveedor.mx'],
            cc: ['contador@proveedor.mx'],
            bcc: [],
          },
        },
        auth,
      ),
    );
    const reachable = await ledger.customer('Comercial Norte');
    const silent = await ledger.customer('Sin Correo', { contact: false });
    const pesos = await ledger.invoice(reachable, 'N-1', '2026-05-01', '100000');
    const more = await ledger.invoice(reachable, 'N-2', '2026-05-01', '50000');
    const dollars = await ledger.invoice(reachable, 'N-3', '2026-05-01', '20000', 'USD');
    await ledger.invoice(silent, 'S-1', '2026-05-01', '70000');
    const asOf = instant('2026-05-02T18:00:00Z');

    const preview = await call(stack.scheduler.previewRun({ asOf }, auth));
    expect(preview).toMatchObject({
      customers: 1,
      reminders: 1,
      amounts: [
        { currency: 'MXN', amountMinor: '150000' },
        { currency: 'USD', amountMinor: '20000' },
      ],
      notSent: [{ reason: 'no_deliverable_contact', count: 1 }],
    });
    expect(preview.planned).toEqual([
      expect.objectContaining({
        customerId: reachable,
        customerName: 'Comercial Norte',
        localDate: '2026-05-02',
        invoiceIds: expect.arrayContaining([pesos.id, more.id, dollars.id]),
        to: ['comercial-norte@example.com', 'cobranza@proveedor.mx'],
        cc: ['contador@proveedor.mx'],
        bcc: [],
        // Signed for the renderer to open (tests/e2e/statement-link opens one).
        statementLink: expect.stringMatching(/^http:\/\/127\.0\.0\.1:9473\/statements\/[\w-]+\.[\w-]+$/),
      }),
    ]);
    const { rows } = await stack.sql.query(
      `select count(*)::int as n from scheduler.occurrences where tenant_id = $1`,
      [tenantId],
    );
    expect(rows).toEqual([{ n: 0 }]);

    const run = await call(stack.scheduler.runCycle({ asOf }, auth));
    expect(run).toMatchObject({ queued: 1, skipped: 1 });
    const after = await call(stack.scheduler.previewRun({ asOf }, auth));
    expect(after).toMatchObject({ customers: 0, reminders: 0, amounts: [], notSent: [], planned: [] });

    const other = await stack.tenant();
    expect(await call(stack.scheduler.previewRun({ asOf }, other.auth))).toMatchObject({ customers: 0, reminders: 0 });
  });

  it('names a malformed as_of instead of failing inside', async () => {
    const { auth } = await stack.tenant();
    const error = await failure(stack.scheduler.previewRun({ asOf: { seconds: '9'.repeat(20), nanos: 0 } }, auth));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error)).toEqual([
      { field: 'as_of.seconds', description: 'must be between years 1 and 9999' },
    ]);
  });
});
