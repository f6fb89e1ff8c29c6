/** An open invoice as allocation sees it. */
export interface Payable {
  id: string;
  customerId: string;
  currency: string;
  dueDate: string;
  series: string;
  folio: string;
  balanceMinor: string;
}

/** The unapplied rest of a payment: credit in the customer's favour, in the payment's currency. */
export interface Credit {
  paymentId: string;
  customerId: string;
  currency: string;
  /** The payment's date, YYYY-MM-DD. */
  date: string;
  /** When it was recorded (ISO 8601), to order payments of one date. */
  recordedAt: string;
  unappliedMinor: string;
}

export interface Application {
  paymentId: string;
  invoiceId: string;
  amountMinor: string;
}

/** The order a payment pays invoices in: oldest due date, then series, then folio (numbers by value), then id. */
export function oldestDueFirst(a: Payable, b: Payable): number {
  return (
    compare(a.dueDate, b.dueDate) ||
    compare(a.series, b.series) ||
    compareFolio(a.folio, b.folio) ||
    compare(a.id, b.id)
  );
}

/** The order credits are spent in: oldest payment date, then the first recorded, then id. */
export function oldestCreditFirst(a: Credit, b: Credit): number {
  return compare(a.date, b.date) || compare(a.recordedAt, b.recordedAt) || compare(a.paymentId, b.paymentId);
}

/**
 * A payment that names no invoices, over its customer's open invoices in its
 * currency: each is paid in full, oldest due first, until the amount runs
 * out; what is left over is the customer's credit.
 */
export function allocatePayment(
  amountMinor: string,
  invoices: Payable[],
): { allocations: { invoiceId: string; amountMinor: string }[]; unappliedMinor: string } {
  const spent = spend([{ id: '', amount: BigInt(amountMinor) }], [...invoices].sort(oldestDueFirst));
  const allocated = spent.reduce((sum, s) => sum + s.amount, 0n);
  return {
    allocations: spent.map((s) => ({ invoiceId: s.targetId, amountMinor: s.amount.toString() })),
    unappliedMinor: (BigInt(amountMinor) - allocated).toString(),
  };
}

/**
 * New invoices consume their customer's credit in their currency: the oldest
 * credit first, on the invoices in the order a payment would pay them.
 */
export function consumeCredits(credits: Credit[], invoices: Payable[]): Application[] {
  const key = (x: { customerId: string; currency: string }) => `${x.customerId} ${x.currency}`;
  const applications: Application[] = [];
  const targets = [...invoices].sort(oldestDueFirst);
  for (const group of new Set(credits.map(key))) {
    const sources = credits
      .filter((c) => key(c) === group)
      .sort(oldestCreditFirst)
      .map((c) => ({ id: c.paymentId, amount: BigInt(c.unappliedMinor) }));
    const spent = spend(
      sources,
      targets.filter((i) => key(i) === group),
    );
    for (const s of spent) {
      applications.push({ paymentId: s.sourceId, invoiceId: s.targetId, amountMinor: s.amount.toString() });
    }
  }
  return applications;
}

/** Each source in turn fills the targets in turn, as far as it goes. */
function spend(
  sources: { id: string; amount: bigint }[],
  targets: { id: string; balanceMinor: string }[],
): { sourceId: string; targetId: string; amount: bigint }[] {
  const spent: { sourceId: string; targetId: string; amount: bigint }[] = [];
  const left = targets.map((t) => BigInt(t.balanceMinor));
  let t = 0;
  for (const source of sources) {
    let amount = source.amount;
    while (amount > 0n && t < targets.length) {
      const take = amount < left[t] ? amount : left[t];
      if (take > 0n) spent.push({ sourceId: source.id, targetId: targets[t].id, amount: take });
      amount -= take;
      left[t] -= take;
      if (left[t] === 0n) t++;
    }
  }
  return spent;
}

function compareFolio(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [x, y] = [a.replace(/^0+/, ''), b.replace(/^0+/, '')];
    return x.length - y.length || compare(x, y);
  }
  return compare(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
