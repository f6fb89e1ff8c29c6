import { paymentAccountSchema, paymentInstructionsSchema } from './payment-account';

const anAccount = (overrides: Record<string, unknown> = {}) => ({
  bank: 'BBVA México',
  accountType: 'clabe',
  number: '002010077777777771',
  holder: 'Ferretería La Esperanza, S.A. de C.V.',
  holderTaxId: 'FES850101AB1',
  currency: 'MXN',
  ...overrides,
});

/** Each problem as the settings form shows it: where, and what is wrong. */
function problems(schema: typeof paymentAccountSchema | typeof paymentInstructionsSchema, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('paymentAccountSchema', () => {
  it('accepts a CLABE account and trims what was typed around the values', () => {
    const parsed = paymentAccountSchema.parse(anAccount({ bank: '  BBVA México ', number: ' 002010077777777771 ' }));
    expect(parsed).toEqual(anAccount());
  });

  it('defaults a missing tax id to empty', () => {
    const { holderTaxId: _, ...withoutTaxId } = anAccount();
    expect(paymentAccountSchema.parse(withoutTaxId).holderTaxId).toBe('');
  });

  it.each(['checking', 'savings', 'vista', 'other'])(
    'takes a %s account number as typed, without CLABE rules',
    (type) => {
      expect(
        problems(paymentAccountSchema, anAccount({ accountType: type, number: 'ES91 2100 0418 4502 0005 1332' })),
      ).toEqual([]);
    },
  );

  it.each([
    ['002010077777777772', 'check digit must be 1'],
    ['00201007777777777', 'must be 18 digits'],
    ['0020-1007-7777-7777-1', 'must be 18 digits'],
  ])('refuses the CLABE %s: %s', (number, message) => {
    expect(problems(paymentAccountSchema, anAccount({ number }))).toEqual([{ path: ['number'], message }]);
  });

  it('reports a bad CLABE together with the other problems in the form', () => {
    expect(problems(paymentAccountSchema, anAccount({ holder: ' ', number: '002010077777777772' }))).toEqual([
      { path: ['holder'], message: 'must not be empty' },
      { path: ['number'], message: 'check digit must be 1' },
    ]);
  });

  it('does not pile CLABE rules on a number that is already too long', () => {
    expect(problems(paymentAccountSchema, anAccount({ number: '1'.repeat(35) }))).toEqual([
      { path: ['number'], message: 'must be at most 34 characters' },
    ]);
  });

  it.each([
    [{ bank: '' }, ['bank'], 'must not be empty'],
    [{ bank: 'x'.repeat(101) }, ['bank'], 'must be at most 100 characters'],
    [{ bank: 'BBVA\nMéxico' }, ['bank'], 'must be one line of text'],
    [{ bank: undefined }, ['bank'], 'is required'],
    [{ bank: 42 }, ['bank'], 'must be text'],
    [{ holder: 'x'.repeat(201) }, ['holder'], 'must be at most 200 characters'],
    [{ holderTaxId: 'x'.repeat(21) }, ['holderTaxId'], 'must be at most 20 characters'],
    [{ accountType: 'brokerage' }, ['accountType'], 'must be one of: checking, savings, clabe, vista, other'],
    [{ currency: 'mxn' }, ['currency'], 'must be a three-letter currency code in capitals, such as MXN'],
    [{ currency: 'PESOS' }, ['currency'], 'must be a three-letter currency code in capitals, such as MXN'],
    [{ currency: 'XYZ' }, ['currency'], 'is not a currency code we can show amounts in'],
  ])('refuses %p at %p: %s', (overrides, path, message) => {
    expect(problems(paymentAccountSchema, anAccount({ accountType: 'checking', ...overrides }))).toEqual([
      { path, message },
    ]);
  });

  it.each(['MXN', 'USD', 'CLP', 'EUR', 'COP', 'PEN'])('knows %s', (currency) => {
    expect(paymentAccountSchema.safeParse(anAccount({ currency })).success).toBe(true);
  });
});

describe('paymentInstructionsSchema', () => {
  it('accepts several accounts and a note', () => {
    const instructions = {
      accounts: [anAccount(), anAccount({ accountType: 'checking', number: '0123456789', currency: 'USD' })],
      note: 'Envíe el comprobante a cobranza@example.mx.\nGracias.',
    };
    expect(paymentInstructionsSchema.parse(instructions)).toEqual(instructions);
  });

  it('accepts no accounts at all', () => {
    expect(paymentInstructionsSchema.parse({ accounts: [], note: '' })).toEqual({ accounts: [], note: '' });
  });

  it('points at the account whose CLABE is wrong', () => {
    const accounts = [anAccount(), anAccount({ number: '032180000118359710' })];
    expect(problems(paymentInstructionsSchema, { accounts, note: '' })).toEqual([
      { path: ['accounts', 1, 'number'], message: 'check digit must be 9' },
    ]);
  });

  it('refuses more than ten accounts', () => {
    const accounts = Array.from({ length: 11 }, () => anAccount());
    expect(problems(paymentInstructionsSchema, { accounts, note: '' })).toEqual([
      { path: ['accounts'], message: 'must list at most 10 accounts' },
    ]);
  });

  it('refuses a note over 2000 characters', () => {
    expect(problems(paymentInstructionsSchema, { accounts: [], note: 'x'.repeat(2001) })).toEqual([
      { path: ['note'], message: 'must be at most 2000 characters' },
    ]);
  });
});
