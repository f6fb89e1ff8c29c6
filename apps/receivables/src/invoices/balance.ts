export type Reduction = 'paid' | 'credited' | 'writtenOff';

export interface InvoiceAmounts {
  totalMinor: string;
  balanceMinor: string;
  paidMinor: string;
  creditedMinor: string;
  writtenOffMinor: string;
}

const column: Record<Reduction, 'paidMinor' | 'creditedMinor' | 'writtenOffMinor'> = {
  paid: 'paidMinor',
  credited: 'creditedMinor',
  writtenOff: 'writtenOffMinor',
};

/**
 * Takes `amount` off an invoice's balance as a payment, credit note or
 * write-off. Pure: the invariant total − paid − credited − written off =
 * balance ≥ 0 holds before and after, or the reduction is refused.
 */
export function reduceBalance(
  invoice: InvoiceAmounts,
  kind: Reduction,
  amount: bigint,
): { ok: true; amounts: InvoiceAmounts } | { ok: false; reason: string } {
  const balance = BigInt(invoice.balanceMinor);
  if (amount <= 0n) return { ok: false, reason: 'must be positive' };
  if (amount > balance) return { ok: false, reason: `exceeds the invoice's balance of ${balance}` };
  const field = column[kind];
  return {
    ok: true,
    amounts: {
      ...invoice,
      balanceMinor: (balance - amount).toString(),
      [field]: (BigInt(invoice[field]) + amount).toString(),
    },
  };
}

/** A balance at or under the tenant's tolerance counts as settled: a few cents must not keep dunning. */
export function isSettled(balanceMinor: string, toleranceMinor: string): boolean {
  return BigInt(balanceMinor) <= BigInt(toleranceMinor);
}
