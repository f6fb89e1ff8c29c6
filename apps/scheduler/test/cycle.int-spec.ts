import { receivables, scheduler } from '@chasqui/contracts';
import { Temporal } from '@js-temporal/polyfill';
import { waitFor } from '@chasqui/testing';
import { firstValueFrom } from 'rxjs';
import { days, instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(300_000);

const { Grouping, StatementDocuments } = scheduler;

describe('the cycle: each step decided once, against the ledger as it is', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const runDaily = stack.runDaily.bind(stack);

  /** Each occurrence of the tenant: its local date, status, reason and the invoices it lists. */
  const occurrences = async (tenantId: string) =>
    (
      await stack.sql.query(
        `select o.local_date::text as date, o.status, o.reason, o.customer_id,
                array(select i::text from unnest(o.invoice_ids) i order by 1) as invoices,
                o.decided_at, o.fire_at
           from scheduler.occurrences o where o.tenant_id = $1 order by o.local_date, o.customer_id, o.id`,
        [tenantId],
      )
    ).rows as {
      date: string;
      status: string;
      reason: string | null;
      customer_id: string;
      invoices: string[];
      decided_at: Date;
      fire_at: Date;
    }[];

  it('Contalink 5–30 every 5: a payment mid-sequence stops the reminders, a partial payment does not', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({ sendHour: 10, overdue: { fromDays: 5, untilDays: 30, everyDays: 5 } }),
        auth,
      ),
    );
    const untouched = await ledger.customer('sin-pago');
    const paid = await ledger.customer('pago-total');
    const partial = await ledger.customer('pago-parcial');
    const a = await ledger.invoice(untouched, 'A', '2026-02-10');
    const b = await ledger.invoice(paid, 'B', '2026-02-10');
    const c = await ledger.invoice(partial, 'C', '2026-02-10');

    await runDaily(auth, '2026-02-10', '2026-02-22');
    await ledger.pay(paid, b.id, '100000', '2026-02-22');
    await ledger.pay(partial, c.id, '40000', '2026-02-22');
    await runDaily(auth, '2026-02-23', '2026-03-20');

    const sent = await occurrences(tenantId);
    const datesOf = (invoice: string) => sent.filter((o) => o.invoices.includes(invoice)).map((o) => o.date);
    const all = ['2026-02-15', '2026-02-20', '2026-02-25', '2026-03-02', '2026-03-07', '2026-03-12'];
    expect(datesOf(a.id)).toEqual(all);
    expect(datesOf(b.id)).toEqual(['2026-02-15', '2026-02-20']);
    expect(datesOf(c.id)).toEqual(all);
    expect(sent.every((o) => o.status === 'queued')).toBe(true);
  });

  it('per customer: the invoices that fire on one day go out as one reminder listing them', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({ grouping: Grouping.GROUPING_PER_CUSTOMER, overdue: { fromDays: 1, untilDays: 3, everyDays: 2 } }),
        auth,
      ),
    );
    const customer = await ledger.customer('agrupado');
    const first = await ledger.invoice(customer, '1', '2026-03-01');
    const second = await ledger.invoice(customer, '2', '2026-03-01');
    const later = await ledger.invoice(customer, '3', '2026-03-02');
    await runDaily(auth, '2026-03-01', '2026-03-10');
    expect((await occurrences(tenantId)).map((o) => [o.date, o.invoices.length])).toEqual([
      ['2026-03-02', 2], // 1 and 2, step 0
      ['2026-03-03', 1], // 3, step 0
      ['2026-03-04', 2], // 1 and 2, step 1
      ['2026-03-05', 1], // 3, step 1
    ]);
    const byDate = Object.fromEntries((await occurrences(tenantId)).map((o) => [o.date, o.invoices]));
    expect(byDate['2026-03-02']).toEqual([first.id, second.id].sort());
    expect(byDate['2026-03-05']).toEqual([later.id]);
  });

  it('after a one-day outage, the step that fired while down goes out once, late; nothing twice', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(ruleRequest({ sendHour: 10, overdue: { fromDays: 5, everyDays: 5 } }), auth),
    );
    const customer = await ledger.customer('caida');
    await ledger.invoice(customer, 'X', '2026-02-10');
    await runDaily(auth, '2026-02-10', '2026-02-19', '15:00:00Z');
    // Down from 19 Feb 09:00 local to 21 Feb 08:00 local: the 20 Feb 10:00 step fired while down.
    await runDaily(auth, '2026-02-21', '2026-02-24', '14:00:00Z');
    const sent = await occurrences(tenantId);
    expect(sent.map((o) => [o.date, o.status])).toEqual([
      ['2026-02-15', 'queued'],
      ['2026-02-20', 'queued'],
    ]);
    expect(sent[1].decided_at.toISOString()).toBe('2026-02-21T14:00:00.000Z');
    expect(sent[1].fire_at.toISOString()).toBe('2026-02-20T16:00:00.000Z');
  });

  it('a rule starts at its first cycle; after an outage, steps past the grace period are missed, not sent', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(ruleRequest({ sendHour: 10, overdue: { fromDays: 1, everyDays: 4 } }), auth),
    );
    const customer = await ledger.customer('retraso');
    // Steps on 2 January + 4k: 7, 11, 15 and 19 February among them.
    const old = await ledger.invoice(customer, 'V', '2026-01-01');
    // First cycle on 10 February: the 7 February step fired before the rule ever ran, past the grace period.
    await runDaily(auth, '2026-02-10', '2026-02-11');
    // Entered late, due 28 January: its 10 February step (29 January + 12) is past the grace period on
    // 12 February; the 14 February step fires while down and is recorded missed, the 18 February one goes out.
    const late = await ledger.invoice(customer, 'T', '2026-01-28');
    await runDaily(auth, '2026-02-12', '2026-02-12');
    // Down from 12 February 18:00Z to 18 February 18:00Z: the 15 February step is 74 h late.
    await runDaily(auth, '2026-02-18', '2026-02-19');
    const decided = await occurrences(tenantId);
    const of = (invoice: string) =>
      decided.filter((o) => o.invoices.includes(invoice)).map((o) => [o.date, o.status, o.reason]);
    expect(of(old.id)).toEqual([
      ['2026-02-11', 'queued', null],
      ['2026-02-15', 'missed', 'past_grace_period'],
      ['2026-02-19', 'queued', null],
    ]);
    expect(of(late.id)).toEqual([
      ['2026-02-10', 'missed', 'past_grace_period'],
      ['2026-02-14', 'missed', 'past_grace_period'],
      ['2026-02-18', 'queued', null],
    ]);
  });

  it('a weekly statement down for three weeks: the Mondays it slept through are missed, the last one goes out', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({
          sendHour: 9,
          statement: { weekly: { weekday: 1 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN },
        }),
        auth,
      ),
    );
    const customer = await ledger.customer('semanal');
    await ledger.invoice(customer, 'S-1', '2026-05-01');
    // Mondays 4 and 11 May run; then nothing until Tuesday 2 June, 18:00Z.
    await runDaily(auth, '2026-05-04', '2026-05-12');
    await runDaily(auth, '2026-06-02', '2026-06-02');
    expect((await occurrences(tenantId)).map((o) => [o.date, o.status, o.reason])).toEqual([
      ['2026-05-04', 'queued', null],
      ['2026-05-11', 'queued', null],
      ['2026-05-18', 'missed', 'past_grace_period'],
      ['2026-05-25', 'missed', 'past_grace_period'],
      ['2026-06-01', 'queued', null],
    ]);
  });

  it('Chipax: weekly on Monday 09:00 America/Santiago, overdue documents only, only customers with contacts', async () => {
    const { id: tenantId, auth } = await stack.tenant({
      country: 'CL',
      timeZone: 'America/Santiago',
      defaultCurrency: 'CLP',
      locale: 'es-CL',
    });
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({
          sendHour: 9,
          statement: { weekly: { weekday: 1 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY },
        }),
        auth,
      ),
    );
    const owing = await ledger.customer('con-vencidas');
    const notYet = await ledger.customer('al-dia');
    const silent = await ledger.customer('sin-contacto', { contact: false });
    const overdue = await ledger.invoice(owing, '10', '2026-03-01', '500000', 'CLP');
    await ledger.invoice(owing, '11', '2026-12-01', '500000', 'CLP');
    await ledger.invoice(notYet, '12', '2026-12-01', '500000', 'CLP');
    await ledger.invoice(silent, '13', '2026-03-01', '500000', 'CLP');
    // Hourly ticks over the Monday of 30 March (summer time) and 6 April (winter time, from 5 April).
    for (const monday of ['2026-03-30', '2026-04-06']) {
      for (let hour = 10; hour <= 16; hour++) {
        const at = `${monday}T${String(hour).padStart(2, '0')}:30:00Z`;
        await firstValueFrom(stack.scheduler.runCycle({ asOf: instant(at) }, auth));
      }
    }
    const decided = await occurrences(tenantId);
    const of = (customer: string) =>
      decided
        .filter((o) => o.customer_id === customer)
        .map((o) => [o.date, o.status, o.reason, o.fire_at.toISOString()]);
    expect(of(owing)).toEqual([
      // The first tick (before that Monday's 09:00) starts the rule: the week before's step, long past, was
      // never owed and is not recorded.
      ['2026-03-30', 'queued', null, '2026-03-30T12:00:00.000Z'],
      ['2026-04-06', 'queued', null, '2026-04-06T13:00:00.000Z'],
    ]);
    expect(decided.find((o) => o.customer_id === owing && o.status === 'queued')!.invoices).toEqual([overdue.id]);
    expect(of(notYet).map((o) => o[2])).toEqual(['no_overdue_documents', 'no_overdue_documents']);
    expect(of(silent).map((o) => o[2])).toEqual(['no_deliverable_contact', 'no_deliverable_contact']);
  });

  it('Bemmbo: 2 days before, on the due date, 3 days after, monthly statements, account closing at 60 and closed at 90', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const monthly = (documents: scheduler.StatementDocuments) => ({ monthly: { day: 1 }, documents });
    const rules: [string, Partial<scheduler.CreateRuleRequest>][] = [
      ['due soon', { dueSoon: { daysBefore: 2 } }],
      ['on due date', { overdue: { fromDays: 0 } }],
      ['3 days after', { overdue: { fromDays: 3 } }],
      ['statement', { statement: monthly(StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN) }],
      ['overdue statement', { statement: monthly(StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY) }],
      ['closing', { accountClosing: { daysBeforeLimit: 30 } }],
      ['closed', { accountClosed: {} }],
    ];
    const names = new Map<string, string>();
    for (const [name, schedule] of rules) {
      const { rule: created } = await firstValueFrom(
        stack.scheduler.createRule(ruleRequest({ name, sendHour: 9, ...schedule }), auth),
      );
      names.set(created!.id, name);
    }
    const customer = await ledger.customer('bemmbo', { delinquencyLimitDays: 90 });
    await ledger.invoice(customer, 'B-1', '2026-01-15');
    await runDaily(auth, '2026-01-01', '2026-04-30');
    const { rows } = await stack.sql.query<{ rule_id: string; date: string; status: string; reason: string | null }>(
      `select rule_id, local_date::text as date, status, reason from scheduler.occurrences where tenant_id = $1
        order by local_date, id`,
      [tenantId],
    );
    const sends = (name: string) =>
      rows.filter((r) => names.get(r.rule_id) === name).map((r) => `${r.date} ${r.reason ?? r.status}`);
    expect(sends('due soon')).toEqual(['2026-01-13 queued']);
    expect(sends('on due date')).toEqual(['2026-01-15 queued']);
    expect(sends('3 days after')).toEqual(['2026-01-18 queued']);
    expect(sends('statement')).toEqual([
      '2026-01-01 queued',
      '2026-02-01 queued',
      '2026-03-01 queued',
      '2026-04-01 queued',
    ]);
    expect(sends('overdue statement')).toEqual([
      '2026-01-01 no_overdue_documents',
      '2026-02-01 queued',
      '2026-03-01 queued',
      '2026-04-01 queued',
    ]);
    expect(sends('closing')).toEqual(['2026-03-16 queued']); // due + 60
    expect(sends('closed')).toEqual(['2026-04-15 queued']); // due + 90
  });

  it('a rule whose audience names a role none of the customer’s deliverable contacts has is skipped, with the reason', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({
          sendHour: 9,
          overdue: { fromDays: 1 },
          audience: { contactRoles: ['Finanzas'], extraRecipients: ['cobranza@ferreteria.mx'], cc: [], bcc: [] },
        }),
        auth,
      ),
    );
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({
          sendHour: 9,
          overdue: { fromDays: 2 },
          audience: { contactRoles: ['Tesorería'], extraRecipients: ['cobranza@ferreteria.mx'], cc: [], bcc: [] },
        }),
        auth,
      ),
    );
    // The ledger's customers have one contact, of role 'finanzas'.
    const customer = await ledger.customer('solo-finanzas');
    await ledger.invoice(customer, 'R-1', '2026-03-01');
    await runDaily(auth, '2026-03-01', '2026-03-03');
    expect((await occurrences(tenantId)).map((o) => [o.date, o.status, o.reason])).toEqual([
      ['2026-03-02', 'queued', null],
      ['2026-03-03', 'skipped', 'no_contact_in_audience'],
    ]);
  });

  it('issue notices: for invoices issued since the "new invoices" start, waiting for their XML where required', async () => {
    const { id: tenantId, auth } = await stack.tenant({
      settings: {
        defaultPaymentTermDays: 30,
        centsToleranceMinor: '0',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '2026-01-02',
        requireAttachments: true,
      },
    });
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(stack.scheduler.createRule(ruleRequest({ sendHour: 9, invoiceIssued: {} }), auth));
    const customer = await ledger.customer('emitidas');
    const before = await ledger.invoice(customer, 'E-1', '2026-02-01', '1000', 'MXN', '2026-01-01');
    const after = await ledger.invoice(customer, 'E-2', '2026-02-03', '1000', 'MXN', '2026-01-03');
    await runDaily(auth, '2026-01-01', '2026-01-03');
    expect(await occurrences(tenantId)).toEqual([]); // E-2's XML has not arrived: deferred, not dropped
    await firstValueFrom(
      stack.receivables.attachDocument(
        {
          invoiceId: after.id,
          kind: receivables.AttachmentKind.ATTACHMENT_KIND_XML,
          filename: 'E-2.xml',
          content: Buffer.from('<cfdi:Comprobante/>'),
        },
        auth,
      ),
    );
    await runDaily(auth, '2026-01-04', '2026-01-06');
    const sent = await occurrences(tenantId);
    expect(sent.map((o) => [o.date, o.status, o.invoices])).toEqual([['2026-01-03', 'queued', [after.id]]]);
    expect(sent[0].decided_at.toISOString()).toBe('2026-01-04T18:00:00.000Z');
    expect(sent.some((o) => o.invoices.includes(before.id))).toBe(false);
  });

  it('an invoice issued now gets its issue notice from the invoice.issued event, without waiting for a cycle', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    // Midnight: today's send hour has passed in Mexico City, whatever the hour the test runs at.
    await firstValueFrom(stack.scheduler.createRule(ruleRequest({ sendHour: 0, invoiceIssued: {} }), auth));
    const customer = await ledger.customer('recien-emitida');
    const today = Temporal.Now.plainDateISO('America/Mexico_City');
    const fresh = await ledger.invoice(
      customer,
      'N-1',
      today.add({ days: 30 }).toString(),
      '1000',
      'MXN',
      today.toString(),
    );
    // The only open invoice falls due in a month: issue dates are not bounded by due dates.
    await waitFor(async () => (await occurrences(tenantId)).length > 0, 'the issue notice');
    const old = await ledger.invoice(customer, 'N-0', '2026-01-31', '1000', 'MXN', '2026-01-01');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a second event, had there been one, would be in
    const decided = await occurrences(tenantId);
    expect(decided.map((o) => [o.date, o.status, o.invoices])).toEqual([[today.toString(), 'queued', [fresh.id]]]);
    // The next cycle finds the step claimed; the old invoice never had a notice owed.
    const cycle = await firstValueFrom(stack.scheduler.runCycle({}, auth));
    expect([cycle.queued, cycle.missed]).toEqual([0, 0]);
    expect((await occurrences(tenantId)).some((o) => o.invoices.includes(old.id))).toBe(false);
  });

  it('two scheduler processes ticking together for 1,000 customers over a month: every occurrence exactly once', async () => {
    const second = await stack.replica();
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({ sendHour: 9, overdue: { fromDays: 1, untilDays: 28, everyDays: 3 } }),
        auth,
      ),
    );
    const customers = 1000;
    for (let i = 0; i < customers; i++) await ledger.customer(`c-${i}`);
    await ledger.importInvoices(
      Array.from({ length: customers }, (_, i) => ({
        customerExternalId: `c-${i}`,
        folio: String(i),
        dueDate: `2026-04-${String(1 + (i % 10)).padStart(2, '0')}`,
      })),
    );
    for (const day of days('2026-04-01', '2026-05-10')) {
      const asOf = instant(`${day}T18:00:00Z`);
      await Promise.all([
        firstValueFrom(stack.scheduler.runCycle({ asOf }, auth)),
        firstValueFrom(second.runCycle({ asOf }, auth)),
      ]);
    }
    // overdue(1, 28, 3): steps on due + 1, 4, …, 28 → 10 per invoice.
    const { rows } = await stack.sql.query(
      `select (select count(*) from scheduler.occurrences where tenant_id = $1)::int as occurrences,
              (select count(*) from scheduler.occurrence_steps where tenant_id = $1)::int as steps,
              (select count(distinct (customer_id, local_date)) from scheduler.occurrences where tenant_id = $1)::int as distinct_sends,
              (select count(*) from scheduler.outbox where tenant_id = $1::text and type = 'chasqui.scheduler.v1.RenderJob')::int as jobs`,
      [tenantId],
    );
    expect(rows[0]).toEqual({ occurrences: 10_000, steps: 10_000, distinct_sends: 10_000, jobs: 10_000 });
  });
});
