import { renderer } from '@chasqui/contracts';
import { parseRequest } from '@chasqui/grpc';
import { updatePaymentInstructionsCommand } from './update-payment-instructions.command';

const anAccount = (overrides: Partial<renderer.PaymentAccount> = {}): renderer.PaymentAccount => ({
  bank: 'BBVA México',
  accountType: renderer.AccountType.ACCOUNT_TYPE_CLABE,
  number: '002010077777777771',
  holder: 'Ferretería La Esperanza, S.A. de C.V.',
  holderTaxId: '',
  currency: 'MXN',
  ...overrides,
});

/** The request as the gRPC server hands it over (a message field absent is null), with the caller's tenant. */
const parse = (instructions: renderer.PaymentInstructions | null) =>
  parseRequest(updatePaymentInstructionsCommand, { instructions, tenantId: 't-1' }, 'PAYMENT_INSTRUCTIONS.INVALID');

/** The fields an INVALID_ARGUMENT names, with what it says of each. */
function violations(instructions: renderer.PaymentInstructions | null) {
  try {
    parse(instructions);
  } catch (error) {
    return (error as { violations: { field: string; description: string }[] }).violations;
  }
  throw new Error('the request was accepted');
}

describe('UpdatePaymentInstructions command', () => {
  it("reads each account's proto type as the domain's and checks the instructions whole", () => {
    expect(parse({ accounts: [anAccount()], note: 'Envíe su comprobante' })).toEqual({
      tenantId: 't-1',
      instructions: {
        accounts: [{ ...anAccount(), accountType: 'clabe' }],
        note: 'Envíe su comprobante',
      },
    });
  });

  it('names a missing message, an unspecified account type and a bad check digit by their proto fields', () => {
    expect(violations(null)).toEqual([{ field: 'instructions', description: 'required' }]);
    expect(
      violations({ accounts: [anAccount({ accountType: renderer.AccountType.ACCOUNT_TYPE_UNSPECIFIED })], note: '' }),
    ).toEqual([
      { field: 'instructions.accounts[0].account_type', description: expect.stringMatching(/^must be one of/) },
    ]);
    expect(violations({ accounts: [anAccount({ number: '002010077777777772' })], note: '' })).toEqual([
      { field: 'instructions.accounts[0].number', description: 'check digit must be 1' },
    ]);
  });
});
