import { z } from 'zod';
import { clabeProblem } from './clabe';

/**
 * Currencies this runtime's ICU can format. A code outside it would pass the ISO shape check and then fail (or print
 * a bare code) when a reminder formats the balance, so it is refused when the tenant types it instead.
 */
const FORMATTABLE_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Line breaks and control characters would split a printed field across lines or vanish in a PDF. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;

/** A missing field and a field of the wrong kind call for different fixes, so they read differently. */
const textRequired = {
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be text'),
};

/**
 * A single line of text a finance person types into a settings form. Errors are worded to be read by them, after the
 * field's label ("Bank: must not be empty"), not by a developer; surrounding spaces are dropped so a lone space
 * does not count as filled in.
 */
function oneLine(min: number, max: number) {
  const text = z
    .string(textRequired)
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !NOT_ONE_LINE.test(value), 'must be one line of text');
  return min > 0 ? text.min(min, 'must not be empty') : text;
}

export const ACCOUNT_TYPES = ['checking', 'savings', 'clabe', 'vista', 'other'] as const;

/**
 * One account customers can pay into, printed on reminders and statements. `number` is free-form (up to the 34
 * characters of an IBAN) except for a CLABE, whose check digit is verified because a mistyped one would send every
 * customer's transfer to a failed SPEI payment.
 */
export const paymentAccountSchema = z
  .object({
    bank: oneLine(1, 100),
    accountType: z.enum(ACCOUNT_TYPES, { error: `must be one of: ${ACCOUNT_TYPES.join(', ')}` }),
    number: oneLine(1, 34),
    holder: oneLine(1, 200),
    holderTaxId: oneLine(0, 20).default(''),
    currency: z
      .string(textRequired)
      .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code in capitals, such as MXN', abort: true })
      .refine((code) => FORMATTABLE_CURRENCIES.has(code), 'is not a currency code we can show amounts in'),
  })
  .superRefine(
    (account, ctx) => {
      const problem = clabeProblem(account.number);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: ['number'] });
    },
    // Runs even when another field is wrong, so the form shows the bad CLABE in the same round as the rest.
    { when: (payload) => isClabeWorthChecking(payload.value, payload.issues) },
  );

/** A CLABE is checked once its type is known to be CLABE and the number itself passed the plain text checks. */
function isClabeWorthChecking(value: unknown, issues: readonly { path?: readonly PropertyKey[] }[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { accountType, number } = value as Record<string, unknown>;
  const numberIsFine = !issues.some((issue) => issue.path?.[0] === 'number' || issue.path?.[0] === 'accountType');
  return accountType === 'clabe' && typeof number === 'string' && numberIsFine;
}

/** What a tenant tells its customers about paying: where to (at most ten accounts) and anything else to know. */
export const paymentInstructionsSchema = z.object({
  accounts: z.array(paymentAccountSchema).max(10, 'must list at most 10 accounts'),
  note: z.string(textRequired).max(2000, 'must be at most 2000 characters'),
});

export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type PaymentAccount = z.infer<typeof paymentAccountSchema>;
export type PaymentInstructions = z.infer<typeof paymentInstructionsSchema>;
