import * as chrono from 'chrono-node';
import type { CalendarDay } from './calendar-day';
import type { Lang, NamedDate } from './named-date';
import { calendarDay, nearestMonthDay, parts } from './calendar-day';
import { datesChronoMisses } from './dates-chrono-misses';

export type { Lang, NamedDate } from './named-date';

/** "next week" is no day; "in two weeks" is. */
const WEEK_ONLY = /^(?:(?:the|this|next|la|esta|pr[oó]xima)\s+)*(?:week|semana)(?:\s+que\s+viene)?$/iu;

/** A date that qualifies an invoice ("la factura del 3 de diciembre") is not when anyone pays. */
const INVOICE_OF =
  /(?<![\p{L}])(?:factura|facturas|invoices?|nota|pedido|orden|order)\s+(?:(?:del?|of|from|dated)\s+)?(?:(?:el|la|the)\s+)?$/iu;

/** The dates a sentence names, in order. */
export function namedDates(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  const own = datesChronoMisses(sentence, lang, today);
  const overlaps = (d: NamedDate) => own.some((o) => d.index < o.end && o.index < d.end);
  return [...own, ...byChrono(sentence, lang, today).filter((d) => !overlaps(d))]
    .filter((d) => !qualifiesInvoice(sentence, d))
    .sort((a, b) => a.index - b.index);
}

function qualifiesInvoice(sentence: string, date: NamedDate): boolean {
  const before = sentence.slice(0, date.index);
  const connected =
    /(?<![\p{L}])(?:del?|of|from|dated)\s+(?:(?:el|la|the)\s+)?$/iu.test(before) ||
    /^del\s/i.test(sentence.slice(date.index));
  return connected && INVOICE_OF.test(before);
}

function byChrono(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  // chrono reads the reference's local calendar fields: noon of `today` keeps it on the tenant's day.
  const { year, month, day } = parts(today);
  const results = chrono[lang].parse(sentence, new Date(year, month - 1, day, 12), { forwardDate: true });
  return results.flatMap((result) => {
    const start = result.start;
    if ((!start.isCertain('day') && !start.isCertain('weekday')) || WEEK_ONLY.test(result.text)) return [];
    let found = calendarDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
    // forwardDate is right for "el viernes", not for "1 de diciembre" (see monthDay in dates-chrono-misses).
    if (found && start.isCertain('month') && !start.isCertain('year')) {
      found = nearestMonthDay(today, parts(found).month, parts(found).day);
    }
    if (!found) return [];
    const end = result.index + result.text.length;
    const past = found < today || saysPast(sentence, result.index, end, lang);
    return [{ index: result.index, end, day: found, past, maybePast: false }];
  });
}

/** forwardDate turns "el viernes pasado" and "last Friday" into next Friday: the words say otherwise. */
function saysPast(sentence: string, index: number, end: number, lang: Lang): boolean {
  if (lang === 'en') return /\blast\s+$/i.test(sentence.slice(0, index)) || /^last\b/i.test(sentence.slice(index));
  return (
    /^\s*(?:pasad[oa]|anterior)(?![\p{L}])/iu.test(sentence.slice(end)) ||
    /\bpasad[oa]\s+$/iu.test(sentence.slice(0, index))
  );
}
