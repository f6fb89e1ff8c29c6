import { receivables, scheduler } from '@chasqui/contracts';
import type { Metadata } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import { Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(300_000);

const { LateIssueNotices } = scheduler;

/**
 * What a tenant chooses for all its customers: late issue notices recorded
 * missed or sent late, and whether new customers start enrolled. Days run at
 * 18:00Z (12:00 in Mexico City), after the 09:00 send hour.
 */
describe('tenant choices: late issue notices and new customers’ enrollment', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const runDaily = stack.runDaily.bind(stack);

  const occurrences = async (tenantId: string) => {
    const { rows } = await stack.sql.query<{ date: string; status: string; reason: string | null }>(
      `select local_date::text as date, status, reason from scheduler.occurrences where tenant_id = $1
        order by local_date, id`,
      [tenantId],
    );
    return rows.map((r) => `${r.date} ${r.reason ?? r.status}`);
  };

  const lateIssueNotices = (auth: Metadata, choice: scheduler.LateIssueNotices) =>
    firstValueFrom(stack.scheduler.updateSettings({ lateIssueNotices: choice }, auth));

  /** A tenant with an issue-notice rule at 09:00 that has run from 01-01 to `until`. */
  const startedTenant = async (until: string, requireAttachments = false) => {
    const tenant = await stack.tenant({
      settings: {
        defaultPaymentTermDays: 30,
        centsToleranceMinor: '0',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '',
        requireAttachments,
      },
    });
    await firstValueFrom(stack.scheduler.createRule(ruleRequest({ sendHour: 9, invoiceIssued: {} }), tenant.auth));
    await runDaily(tenant.auth, '2026-01-01', until);
    return { ...tenant, ledger: new Ledger(stack, tenant.auth) };
  };

  const attachXml = (auth: Metadata, invoiceId: string) =>
    firstValueFrom(
      stack.receivables.attachDocument(
        {
          invoiceId,
          kind: receivables.AttachmentKind.ATTACHMENT_KIND_XML,
          filename: 'factura.xml',
          content: Buffer.from('<cfdi:Comprobante/>'),
        },
        auth,
      ),
    );

  it('an invoice entered after its grace period has its issue notice recorded missed, by default', async () => {
    const { id, auth, ledger } = await startedTenant('2026-01-09');
    const customer = await ledger.customer('capturada-tarde');
    await ledger.invoice(customer, 'T-1', '2026-02-01', '1000', 'MXN', '2026-01-02');
    await runDaily(auth, '2026-01-10', '2026-01-11');
    expect(await occurrences(id)).toEqual(['2026-01-02 past_grace_period']);
  });

  it('…and sent late when the tenant chose to send late issue notices', async () => {
    const { id, auth, ledger } = await startedTenant('2026-01-09');
    await lateIssueNotices(auth, LateIssueNotices.LATE_ISSUE_NOTICES_SEND_LATE);
    const customer = await ledger.customer('capturada-tarde');
    await ledger.invoice(customer, 'T-1', '2026-02-01', '1000', 'MXN', '2026-01-02');
    await runDaily(auth, '2026-01-10', '2026-01-11');
    expect(await occurrences(id)).toEqual(['2026-01-02 queued']);
  });

  it('documents that arrive after the grace period: missed by default, sent then when the tenant chose so', async () => {
    const missed = await startedTenant('2026-01-02', true);
    const late = await startedTenant('2026-01-02', true);
    await lateIssueNotices(late.auth, LateIssueNotices.LATE_ISSUE_NOTICES_SEND_LATE);
    const invoices = [];
    for (const tenant of [missed, late]) {
      const customer = await tenant.ledger.customer('xml-tardio');
      invoices.push(await tenant.ledger.invoice(customer, 'X-1', '2026-02-03', '1000', 'MXN', '2026-01-03'));
      await runDaily(tenant.auth, '2026-01-03', '2026-01-08');
    }
    // Sending late waits for the XML: nothing is decided while it is missing.
    expect(await occurrences(late.id)).toEqual([]);
    for (const [i, tenant] of [missed, late].entries()) {
      await attachXml(tenant.auth, invoices[i].id);
      await runDaily(tenant.auth, '2026-01-09', '2026-01-10');
    }
    expect(await occurrences(missed.id)).toEqual(['2026-01-03 past_grace_period']);
    expect(await occurrences(late.id)).toEqual(['2026-01-03 queued']);
  });

  it('new customers start enrolled or not as the tenant chose; customers it had keep their enrollment', async () => {
    const { id, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(stack.scheduler.createRule(ruleRequest({ sendHour: 9, overdue: { fromDays: 1 } }), auth));
    const before = await ledger.customer('de-antes');
    await stack.announced([before]);
    const { settings } = await firstValueFrom(stack.scheduler.updateSettings({ newCustomersEnrolled: false }, auth));
    expect(settings).toMatchObject({
      newCustomersEnrolled: false,
      lateIssueNotices: LateIssueNotices.LATE_ISSUE_NOTICES_MISSED,
    });
    const after = await ledger.customer('nuevo');
    await stack.announced([after]);
    await ledger.invoice(before, 'A-1', '2026-03-01');
    await ledger.invoice(after, 'N-1', '2026-03-01');
    await runDaily(auth, '2026-03-02', '2026-03-02');
    const { rows } = await stack.sql.query<{ customer_id: string; outcome: string }>(
      `select customer_id, coalesce(reason, status) as outcome from scheduler.occurrences where tenant_id = $1`,
      [id],
    );
    const outcome = new Map(rows.map((r) => [r.customer_id, r.outcome]));
    expect([outcome.get(before), outcome.get(after)]).toEqual(['queued', 'not_enrolled']);
    // Enrolling the new customer by hand works as for any other.
    await firstValueFrom(stack.scheduler.setEnrollment({ customerIds: [after], enrolled: true }, auth));
    expect((await firstValueFrom(stack.scheduler.getEnrollment({}, auth))).counts).toMatchObject({
      enrolled: 2,
      notEnrolled: 0,
    });
  });

  it('refuses an unspecified choice, naming the field', async () => {
    const { auth } = await stack.tenant();
    const error = await lateIssueNotices(auth, LateIssueNotices.LATE_ISSUE_NOTICES_UNSPECIFIED).then(
      () => undefined,
      (e: { code: number; details: string }) => e,
    );
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.details).toMatch(/late_issue_notices/);
  });
});
