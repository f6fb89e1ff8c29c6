import { aLine, aStatement } from '../../test/factories/statement.factory';
import { DEFAULT_BRAND } from '../reminder/brand';
import { renderReminder } from '../reminder/render-reminder';
import { TEMPLATE_LOCALES } from '../reminder/resolve-locale';
import { DEFAULT_TEMPLATES, type ReminderKind } from '../reminder/templates';
import { REMINDER_CATALOGUE } from './reminder-catalogue';
import type { Catalogue } from './template-catalogue';
import { describeViolation, validateTemplate } from './validate-template';

const KINDS: ReminderKind[] = [
  'overdue',
  'due_soon',
  'invoice_issued',
  'statement',
  'account_closing',
  'account_closed',
];

describe('the template catalogue', () => {
  const { view } = renderReminder({
    statement: aStatement({ lines: [aLine({ invoiceId: 'inv-1', daysOverdue: 40 })] }),
    invoiceIds: ['inv-1'],
    kind: 'overdue',
    brand: {
      ...DEFAULT_BRAND,
      accounts: [
        {
          bank: 'BBVA',
          accountType: 'clabe',
          number: '012180001234567897',
          holder: 'Norte',
          holderTaxId: '',
          currency: 'MXN',
        },
      ],
    },
  });

  /** Every name the catalogue offers is in the view, as the kind it says, its lists' items too. */
  function expectIn(catalogue: Catalogue, scope: Record<string, unknown>, path: string): void {
    for (const [name, entry] of Object.entries(catalogue)) {
      const value = scope[name];
      switch (entry.kind) {
        case 'text':
          expect([`${path}${name}`, typeof value]).toEqual([`${path}${name}`, 'string']);
          break;
        case 'flag':
          expect([`${path}${name}`, typeof value]).toEqual([`${path}${name}`, 'boolean']);
          break;
        case 'list': {
          expect(Array.isArray(value)).toBe(true);
          const [first] = value as Array<Record<string, unknown>>;
          expect(first).toBeDefined();
          expectIn(entry.item, first!, `${path}${name}.`);
          break;
        }
      }
    }
  }

  it('names only what the renderer gives templates', () => {
    expectIn(REMINDER_CATALOGUE, view, '');
  });

  it.each(TEMPLATE_LOCALES.flatMap((locale) => KINDS.map((kind) => [locale, kind] as const)))(
    'accepts the built-in %s %s template a tenant starts from',
    (locale, kind) => {
      const template = DEFAULT_TEMPLATES[locale].emails[kind];
      for (const part of [template.subject, template.html, template.text]) {
        expect(validateTemplate(part, REMINDER_CATALOGUE).map(describeViolation)).toEqual([]);
      }
    },
  );
});
