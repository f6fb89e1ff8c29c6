import { scheduler } from '@chasqui/contracts';
import type { Metadata } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import { Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(300_000);

const { Grouping } = scheduler;

/**
 * A step is known by what it means (ARCHITECTURE §5a): an invoice step by the
 * day it fires from the current due date, an account notice by its delinquency
 * episode. Days run at 18:00Z (12:00 in Mexico City), after the 09:00 send hour.
 */
describe('step identity: a moved due date and a delinquency episode', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const runDaily = stack.runDaily.bind(stack);

  const moveDueDate = (auth: Metadata, invoiceId: string, dueDate: string) =>
    firstValueFrom(stack.receivables.updateInvoice({ invoiceId, dueDate }, auth));

  /** Each occurrence of a rule: "date status|reason [invoice folios]". */
  const occurrences = async (ruleId: string, folios: Map<string, string>) => {
    const { rows } = await stack.sql.query<{ date: string; status: string; reason: string | null; ids: string[] }>(
      `select local_date::text as date, status, reason, array(select i::text from unnest(invoice_ids) i) as ids
         from scheduler.occurrences where rule_id = $1 order by local_date, id`,
      [ruleId],
    );
    return rows.map((r) => {
      const names = r.ids.map((id) => folios.get(id) ?? id).sort();
      return `${r.date} ${r.reason ?? r.status} ${names.join(',')}`;
    });
  };

  const overdueRule = async (auth: Metadata, untilDays: number, grouping = Grouping.GROUPING_PER_INVOICE) => {
    const { rule } = await firstValueFrom(
      stack.scheduler.createRule(
        ruleRequest({ sendHour: 9, grouping, overdue: { fromDays: 5, untilDays, everyDays: 5 } }),
        auth,
      ),
    );
    return rule!.id;
  };

  it('an extension: the due date moved later mid-sequence dates the next reminders from the new due date', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const ruleId = await overdueRule(auth, 30);
    const customer = await ledger.customer('prorroga');
    const a = await ledger.invoice(customer, 'A', '2026-03-01');
    await runDaily(auth, '2026-03-01', '2026-03-12');
    await moveDueDate(auth, a.id, '2026-03-20');
    await runDaily(auth, '2026-03-13', '2026-04-20');
    expect(await occurrences(ruleId, new Map([[a.id, 'A']]))).toEqual(
      ['03-06', '03-11', '03-25', '03-30', '04-04', '04-09', '04-14', '04-19'].map((d) => `2026-${d} queued A`),
    );
  });

  it('a shortening: a day already reminded is not reminded again, the rest follow the new due date', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const ruleId = await overdueRule(auth, 30);
    const customer = await ledger.customer('acortada');
    const a = await ledger.invoice(customer, 'A', '2026-03-20');
    await runDaily(auth, '2026-03-20', '2026-03-26');
    // 03-10 + 5 + k·5: 03-15 and 03-20 are past, 03-25 was sent under the old due date.
    await moveDueDate(auth, a.id, '2026-03-10');
    await runDaily(auth, '2026-03-27', '2026-04-15');
    expect(await occurrences(ruleId, new Map([[a.id, 'A']]))).toEqual(
      ['03-25', '03-30', '04-04', '04-09'].map((d) => `2026-${d} queued A`),
    );
  });

  it('a due date moved twice: each move dates what is left of the sequence', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const ruleId = await overdueRule(auth, 15);
    const customer = await ledger.customer('dos-prorrogas');
    const a = await ledger.invoice(customer, 'A', '2026-03-01');
    await runDaily(auth, '2026-03-01', '2026-03-12');
    await moveDueDate(auth, a.id, '2026-03-20');
    await runDaily(auth, '2026-03-13', '2026-03-26');
    await moveDueDate(auth, a.id, '2026-04-10');
    await runDaily(auth, '2026-03-27', '2026-05-01');
    expect(await occurrences(ruleId, new Map([[a.id, 'A']]))).toEqual(
      ['03-06', '03-11', '03-25', '04-15', '04-20', '04-25'].map((d) => `2026-${d} queued A`),
    );
  });

  it('per customer: an extended invoice leaves its sibling’s reminders and gets its own from the new date', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const ruleId = await overdueRule(auth, 15, Grouping.GROUPING_PER_CUSTOMER);
    const customer = await ledger.customer('agrupado');
    const x = await ledger.invoice(customer, 'X', '2026-03-01');
    const y = await ledger.invoice(customer, 'Y', '2026-03-01');
    await runDaily(auth, '2026-03-01', '2026-03-12');
    await moveDueDate(auth, x.id, '2026-03-20');
    await runDaily(auth, '2026-03-13', '2026-04-10');
    const folios = new Map([
      [x.id, 'X'],
      [y.id, 'Y'],
    ]);
    expect(await occurrences(ruleId, folios)).toEqual([
      '2026-03-06 queued X,Y',
      '2026-03-11 queued X,Y',
      '2026-03-16 queued Y',
      '2026-03-25 queued X',
      '2026-03-30 queued X',
      '2026-04-04 queued X',
    ]);
  });

  it('account closing goes out once per delinquency episode, not again when the oldest invoice is paid', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const rule = async (request: Partial<scheduler.CreateRuleRequest>) =>
      (await firstValueFrom(stack.scheduler.createRule(ruleRequest({ sendHour: 9, ...request }), auth))).rule!.id;
    const closing = await rule({ accountClosing: { daysBeforeLimit: 15 } });
    const closed = await rule({ accountClosed: {} });
    const customer = await ledger.customer('episodio', { delinquencyLimitDays: 60 });
    const a = await ledger.invoice(customer, 'A', '2026-01-10');
    const b = await ledger.invoice(customer, 'B', '2026-01-25');
    await stack.announced([customer]);
    await runDaily(auth, '2026-01-10', '2026-03-01');
    // A, 45 days overdue on 02-24, brought the closing notice; paid now, B stays overdue: the same episode.
    await ledger.pay(customer, a.id, '100000', '2026-03-01');
    // The forecast knows it too: B's 45th day brings nothing, its 60th the closed notice.
    const { reminders } = await firstValueFrom(
      stack.scheduler.forecast(
        { customerId: customer, invoiceId: '', fromDate: '2026-03-02', toDate: '2026-03-31' },
        auth,
      ),
    );
    expect(reminders.map((r) => `${r.localDate} ${r.ruleId === closed ? 'closed' : r.ruleId}`)).toEqual([
      '2026-03-26 closed',
    ]);
    await runDaily(auth, '2026-03-02', '2026-04-01');
    // B paid too: for a week nothing is overdue, and the episode ends. C starts a new one on 04-11.
    await ledger.pay(customer, b.id, '100000', '2026-04-01');
    const c = await ledger.invoice(customer, 'C', '2026-04-10');
    await runDaily(auth, '2026-04-02', '2026-06-10');
    const folios = new Map([
      [a.id, 'A'],
      [b.id, 'B'],
      [c.id, 'C'],
    ]);
    // B reaching 45 days on 03-11 is not a second closing notice; C at 45 days (05-25) is a new episode's.
    expect(await occurrences(closing, folios)).toEqual(['2026-02-24 queued A,B', '2026-05-25 queued C']);
    // A was paid before its 60th day; B reached it on 03-26, the first in its episode; C on 06-09.
    expect(await occurrences(closed, folios)).toEqual(['2026-03-26 queued B', '2026-06-09 queued C']);
  });
});
