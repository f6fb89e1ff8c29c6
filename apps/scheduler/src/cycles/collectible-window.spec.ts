import { Temporal } from '@js-temporal/polyfill';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { collectibleWindow } from './collectible-window';
import type { InvoiceRule } from './invoice-steps';

const rule = (schedule: RuleSchedule, decidedThrough: Date | null): InvoiceRule =>
  ({ schedule, sendHour: 9, businessDaysOnly: false, decidedThrough }) as Rule as InvoiceRule;

const scope = {
  zones: [
    { timeZone: 'America/Mexico_City', country: 'MX' },
    { timeZone: 'Pacific/Kiritimati', country: 'MX' },
  ],
  oldestDueDate: '2026-11-01',
};
const asOf = Temporal.Instant.from('2026-11-22T18:00:00Z');

describe('what a cycle asks receivables for under an invoice rule', () => {
  it("asks each zone for the due dates whose step fired since the rule's last cycle, and for the changed invoices", () => {
    const since = new Date('2026-11-21T18:00:00Z');
    const window = collectibleWindow(rule({ kind: 'overdue', fromDays: 1, everyDays: 7 }, since), scope, asOf, 48);
    // 09:00 on 22 November in Mexico City (15:00Z); Kiritimati's 09:00 of 22 November was 21 November 19:00Z.
    expect(window.dueDates!.zones).toEqual([
      {
        timeZone: 'America/Mexico_City',
        ranges: [
          { first: '2026-11-07', last: '2026-11-07' },
          { first: '2026-11-14', last: '2026-11-14' },
          { first: '2026-11-21', last: '2026-11-21' },
        ],
      },
      {
        timeZone: 'Pacific/Kiritimati',
        ranges: [
          { first: '2026-11-07', last: '2026-11-07' },
          { first: '2026-11-14', last: '2026-11-14' },
          { first: '2026-11-21', last: '2026-11-21' },
        ],
      },
    ]);
    expect(window.changedSince).toBe(since.toISOString());
    expect(window.issueDates).toBeUndefined();
  });

  it("a rule's first cycle looks back over the grace period only, and asks for no changes", () => {
    const window = collectibleWindow(rule({ kind: 'overdue', fromDays: 3 }, null), scope, asOf, 48);
    // From 20 November 18:00Z: 09:00 of 21 and 22 November in both zones (Kiritimati's 23rd is 22 November 19:00Z).
    expect(window.dueDates!.zones.map((z) => z.ranges)).toEqual([
      [{ first: '2026-11-18', last: '2026-11-19' }],
      [{ first: '2026-11-18', last: '2026-11-19' }],
    ]);
    expect(window.changedSince).toBe('');
  });

  it('issue notices ask by issue date, from the earliest asked for', () => {
    const window = collectibleWindow(
      rule({ kind: 'invoice_issued' }, new Date('2026-11-22T12:00:00Z')),
      scope,
      asOf,
      48,
    );
    expect(window.dueDates).toBeUndefined();
    expect(window.issueDates!.zones).toEqual([
      { timeZone: 'America/Mexico_City', ranges: [{ first: '2026-11-22', last: '2026-11-22' }] },
      { timeZone: 'Pacific/Kiritimati', ranges: [] },
    ]);
    expect(window.issuedFrom).toBe('2026-11-22');
  });

  it("issue notices ask for today's invoices though every open invoice falls due a month later", () => {
    const dueLater = { ...scope, oldestDueDate: '2026-12-22' };
    const window = collectibleWindow(rule({ kind: 'invoice_issued' }, null), dueLater, asOf, 48);
    // From 20 November 18:00Z: 09:00 of 21 and 22 November in both zones, whatever the due dates.
    expect(window.issueDates!.zones.map((z) => z.ranges)).toEqual([
      [{ first: '2026-11-21', last: '2026-11-22' }],
      [{ first: '2026-11-21', last: '2026-11-22' }],
    ]);
  });
});
