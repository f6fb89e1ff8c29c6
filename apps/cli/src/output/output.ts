import Table from 'cli-table3';

/** A command's result: JSON for machines (--json), else what `render` draws for people. */
export function emit(json: boolean, data: unknown, render: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(plain(data), null, 2)}\n` : `${render()}\n`);
}

/** Rows under a header. */
export function table(head: string[], rows: (string | number | boolean)[][]): string {
  const t = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map(String));
  return t.toString();
}

/** One record, a field a line. */
export function record(fields: [string, string | number | boolean | undefined][]): string {
  const t = new Table({ style: { head: [], border: [] } });
  for (const [key, value] of fields) t.push({ [key]: value === undefined ? '' : String(value) });
  return t.toString();
}

/** An enum value without its type's prefix, in lower case: RULE_KIND_OVERDUE -> overdue. */
export function short(value: string, prefix: string): string {
  return (value.startsWith(prefix) ? value.slice(prefix.length) : value).toLowerCase();
}

interface Timestamp {
  seconds: string;
  nanos: number;
}

const isTimestamp = (value: object): value is Timestamp =>
  Object.keys(value).length === 2 && 'seconds' in value && 'nanos' in value;

/** A protobuf Timestamp as an ISO 8601 instant. */
export function iso(value: Timestamp | undefined): string {
  if (!value) return '';
  return new Date(Number(value.seconds) * 1000 + Math.floor(value.nanos / 1e6)).toISOString();
}

/** An instant as a protobuf Timestamp. */
export function timestamp(date: Date): Timestamp {
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}

/** Decoded messages as JSON: Timestamps as ISO instants, bytes as base64, the rest as ts-proto gives it. */
export function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    if (isTimestamp(value)) return iso(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Minor units in a currency's own decimals: ("125050", "MXN") -> "MXN 1,250.50"; ("1500", "CLP") -> "CLP 1,500". */
export function money(minor: string, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Not a currency Intl knows: two decimals.
  }
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : '';
  return `${currency} ${negative ? '-' : ''}${whole}${fraction}`;
}

/** Every page of a paged list, up to `limit` items. */
export async function pages<T>(
  limit: number,
  fetch: (pageSize: number, pageToken: string) => Promise<{ items: T[]; next: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token = '';
  do {
    const page = await fetch(Math.min(limit - items.length, 500), token);
    items.push(...page.items);
    token = page.next;
  } while (token && items.length < limit);
  return items.slice(0, limit);
}
