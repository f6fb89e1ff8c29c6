import { daysBetween } from '../ledger/calendar-date';
import type { DatesByZone } from './list-collectibles/list-collectibles.command';

/** A piece of SQL with its `?` parameters in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** Up to this many dates are listed for the index to look up one by one; more, and it reads their span. */
const MAX_LISTED_DATES = 4000;

type Range = [first: string, last: string];

/**
 * Whether an invoice's date (`column`) is one asked for in its zone (`zone`,
 * an SQL expression): in the ranges given for that zone or for every zone.
 * Each zone's dates become one multirange, looked up once per row; `bound`
 * narrows the rows read to those dates, for an index on the column.
 */
export function datesFilter(dates: DatesByZone, column: string, zone: string): { match: SqlPart; bound: SqlPart } {
  const everyZone = merge(dates.zones.filter((z) => z.timeZone === '').flatMap((z) => z.ranges.map(range)));
  const byZone = new Map<string, Range[]>();
  for (const { timeZone, ranges } of dates.zones) {
    if (timeZone === '') continue;
    byZone.set(timeZone, [...(byZone.get(timeZone) ?? []), ...ranges.map(range)]);
  }
  const all = merge([...everyZone, ...[...byZone.values()].flat()]);
  if (all.length === 0) return { match: { sql: 'false', params: [] }, bound: { sql: 'false', params: [] } };
  const zones = [...byZone].map(([timeZone, ranges]) => [timeZone, merge([...ranges, ...everyZone])] as const);
  const match =
    zones.length === 0
      ? { sql: `${column} <@ ?::datemultirange`, params: [multirange(everyZone)] }
      : {
          sql: `${column} <@ (case ${zone} ${zones.map(() => 'when ? then ?::datemultirange').join(' ')}
                 else ?::datemultirange end)`,
          params: [...zones.flatMap(([timeZone, ranges]) => [timeZone, multirange(ranges)]), multirange(everyZone)],
        };
  const days = all.reduce((n, [first, last]) => n + daysBetween(first, last) + 1, 0);
  const bound =
    days <= MAX_LISTED_DATES
      ? { sql: `${column} = any(?::date[])`, params: [`{${all.flatMap(([first, last]) => datesOf(first, last))}}`] }
      : { sql: `${column} between ?::date and ?::date`, params: [all[0][0], all[all.length - 1][1]] };
  return { match, bound };
}

const range = (r: { first: string; last: string }): Range => [r.first, r.last];

/** Sorted, overlapping and touching ranges joined. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Range[] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && daysBetween(previous[1], first) <= 1) {
      if (last > previous[1]) previous[1] = last;
    } else merged.push([first, last]);
  }
  return merged;
}

const multirange = (ranges: Range[]) => `{${ranges.map(([first, last]) => `[${first},${last}]`).join(',')}}`;

function datesOf(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: daysBetween(first, last) + 1 }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}
