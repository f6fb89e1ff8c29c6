// The ledger writer moved to @chasqui/testing; this name stays until every spec imports it there.
export { Ledger } from '@chasqui/testing';

/** A protobuf Timestamp for an ISO instant. */
export const instant = (iso: string) => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });

/** Every day from `from` to `to` (inclusive), as YYYY-MM-DD. */
export function days(from: string, to: string): string[] {
  const list: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    list.push(new Date(t).toISOString().slice(0, 10));
  }
  return list;
}
