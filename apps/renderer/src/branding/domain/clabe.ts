/** Banxico's weights for the CLABE check digit, repeated across the 17 digits it guards. */
const WEIGHTS = [3, 7, 1] as const;

/**
 * What is wrong with a CLABE (Clave Bancaria Estandarizada: 3 digits of bank, 3 of plaza, 11 of account and a check
 * digit), or `undefined` when it is right. Customers copy it by hand into their bank's transfer form, so a slip in
 * one digit is caught here, before it is printed on every reminder, rather than by a bounced SPEI transfer.
 * Only the check digit is verified: bank codes change with Banxico's catalogue, which does not belong in the domain.
 */
export function clabeProblem(value: string): string | undefined {
  if (!/^\d{18}$/.test(value)) return 'must be 18 digits';
  const expected = clabeCheckDigit(value.slice(0, 17));
  return Number(value[17]) === expected ? undefined : `check digit must be ${expected}`;
}

/** Each digit times its weight, keeping only the units; the check digit tops their sum up to a multiple of ten. */
function clabeCheckDigit(first17: string): number {
  let sum = 0;
  for (let i = 0; i < first17.length; i++) sum += (Number(first17[i]) * WEIGHTS[i % WEIGHTS.length]) % 10;
  return (10 - (sum % 10)) % 10;
}
