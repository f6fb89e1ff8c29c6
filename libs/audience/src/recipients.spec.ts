import type { receivables } from '@chasqui/contracts';
import { reachesCustomer, recipients } from './recipients';

const contact = (email: string, role: string, extra: Partial<receivables.Contact> = {}): receivables.Contact => ({
  id: email,
  name: email,
  email,
  role,
  receivesReminders: true,
  undeliverable: false,
  undeliverableReason: '',
  ...extra,
});

const contacts = [
  contact('cxp@cliente.mx', 'Cuentas por pagar'),
  contact('tesoreria@cliente.mx', 'Tesorería'),
  contact('rebota@cliente.mx', 'Tesorería', { undeliverable: true }),
  contact('director@cliente.mx', 'Dirección', { receivesReminders: false }),
];
const audience = (extra: object = {}) => ({ contactRoles: [], extraRecipients: [], cc: [], bcc: [], ...extra });

describe('who a reminder goes to', () => {
  it('every deliverable contact that receives reminders, when the rule names no role', () => {
    expect(recipients(contacts, undefined)).toEqual({
      to: ['cxp@cliente.mx', 'tesoreria@cliente.mx'],
      cc: [],
      bcc: [],
    });
  });

  it("only the rule's roles, matched without case or accents", () => {
    expect(recipients(contacts, audience({ contactRoles: ['TESORERIA'] })).to).toEqual(['tesoreria@cliente.mx']);
  });

  it('adds extra recipients, cc and bcc, each address once', () => {
    expect(
      recipients(
        contacts,
        audience({
          extraRecipients: ['cobranza@acme.mx', 'CXP@cliente.mx'],
          cc: ['vendedor@acme.mx', 'cobranza@acme.mx'],
          bcc: ['archivo@acme.mx', ' '],
        }),
      ),
    ).toEqual({
      to: ['cxp@cliente.mx', 'tesoreria@cliente.mx', 'cobranza@acme.mx'],
      cc: ['vendedor@acme.mx'],
      bcc: ['archivo@acme.mx'],
    });
  });

  it('sends nothing when no contact of the customer qualifies, whatever the copies', () => {
    expect(recipients(contacts, audience({ contactRoles: ['Compras'], cc: ['vendedor@acme.mx'] }))).toEqual({
      to: [],
      cc: [],
      bcc: [],
    });
  });

  it('a test goes to its one address only', () => {
    expect(recipients(contacts, audience({ cc: ['vendedor@acme.mx'] }), 'yo@acme.mx')).toEqual({
      to: ['yo@acme.mx'],
      cc: [],
      bcc: [],
    });
  });
});

describe('whether a rule reaches a customer (decided by the scheduler, before any rendering)', () => {
  it('any deliverable contact does when the rule names no role; none does when there is none', () => {
    expect(reachesCustomer(undefined, ['Tesorería'])).toBe(true);
    expect(reachesCustomer(audience(), ['Tesorería'])).toBe(true);
    expect(reachesCustomer(audience(), [])).toBe(false);
  });

  it('a named role must be one of the contacts’ roles, compared as people write them', () => {
    expect(reachesCustomer(audience({ contactRoles: ['tesoreria '] }), ['Cuentas por pagar', 'Tesorería'])).toBe(true);
    expect(reachesCustomer(audience({ contactRoles: ['Cobranza'] }), ['Cuentas por pagar', 'Tesorería'])).toBe(false);
  });

  it('agrees with recipients(): reached exactly when a customer contact would be addressed', () => {
    for (const roles of [[], ['Cuentas por pagar'], ['Dirección'], ['Tesorería', 'Otro']]) {
      const rule = audience({ contactRoles: roles });
      const deliverableRoles = contacts.filter((c) => c.receivesReminders && !c.undeliverable).map((c) => c.role);
      expect(reachesCustomer(rule, deliverableRoles)).toBe(recipients(contacts, rule).to.length > 0);
    }
  });
});
