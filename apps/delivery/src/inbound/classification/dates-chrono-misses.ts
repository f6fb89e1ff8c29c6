import type { CalendarDay } from './calendar-day';
import { addDays, calendarDay, dayOfMonthAround, nearestMonthDay, parts, weekdayOf } from './calendar-day';
import type { Lang, NamedDate } from './named-date';

// Dates chrono misreads or misses, read here first; chrono's reading of the same words is dropped.

const MONTHS_ES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const MONTH_ES = String.raw`(?:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sep(?:tiembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)`;
const ANY_MONTH = String.raw`(?:${MONTH_ES}|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![\p{L}])`;
const WEEKDAYS = {
  es: ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'],
  en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
};
const NOT_A_DAY = String.raw`(?!\s*(?:(?:of|de|del)\s+)?${ANY_MONTH}|\s*[/:.,-]\d|\s*(?:%|h\b|hrs?\b|horas|am\b|pm\b|a\.m|p\.m|d[ií]as|semanas|meses|a[ñn]os|facturas?|por\s*ciento|mil\b|pesos|d[oó]lares|usd|mxn|clp|uf\b))`;
const re = (source: string) => new RegExp(source, 'giu');

/** chrono.es reads "viernes 12" as Friday at noon, dropping the 12: the day number is read here. */
const WEEKDAY_AND_DAY = {
  es: re(String.raw`\b(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(\d{1,2})\b${NOT_A_DAY}`),
  en: re(String.raw`\b(${WEEKDAYS.en.join('|')}),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b${NOT_A_DAY}`),
};
/** "el 15", "el día 15 del próximo mes", "on the 15th": chrono reads none of them. */
const DAY_OF_MONTH = {
  es: re(
    String.raw`\b(?:el|del|al)\s+(?:d[ií]a\s+)?(\d{1,2})\b((?:\s+(?:de|del)\s+(?:este|pr[oó]ximo|siguiente)\s+mes|\s+del\s+mes(?:\s+que\s+viene|\s+entrante)?))?${NOT_A_DAY}`,
  ),
  en: re(String.raw`\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b((?:\s+of\s+(?:this|next|the)\s+month))?${NOT_A_DAY}`),
};
/** Numeric dates, read here so that Spanish is always day/month and an ambiguous English one is not guessed. */
const NUMERIC = /(?<![\d$.,/-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d%]|[/.,-]\d)/g;
const MONTH_FIRST_ES = re(String.raw`\b(${MONTH_ES})\.?\s+(\d{1,2})\b(?!\s*[:\d])`);
/** "a fin de mes", "a finales del próximo mes": the last day of the month. */
const END_OF_MONTH_ES = re(String.raw`\bfin(?:al)?(?:es)?\s+(?:de|del)\s+(?:(este|pr[oó]ximo|siguiente)\s+)?mes\b`);
const DAY_AFTER_TOMORROW = re(String.raw`\bpasado\s+ma[ñn]ana\b`);

/** Dates chrono misses: weekday with day number, bare day of month, numeric dates, Spanish month-first. */
export function datesChronoMisses(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  const found = [...weekdayAndDay(sentence, lang, today), ...dayOfMonth(sentence, lang, today)];
  return [...found, ...numeric(sentence, lang, today), ...(lang === 'es' ? spanishOnly(sentence, today) : [])];
}

function at(match: RegExpMatchArray, date: Omit<NamedDate, 'index' | 'end'>): NamedDate {
  const index = match.index ?? 0;
  return { index, end: index + match[0].length, ...date };
}

function weekdayAndDay(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  return [...sentence.matchAll(WEEKDAY_AND_DAY[lang])].flatMap((match) => {
    const weekday = WEEKDAYS[lang].indexOf(match[1].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    const around = dayOfMonthAround(today, Number(match[2]));
    if (!around) return [];
    const fits = (day: CalendarDay | null) => day !== null && weekdayOf(day) === weekday;
    // The weekday picks between this month's and next month's day; when neither fits, the number wins.
    const day = fits(around.next) ? around.next : fits(around.after) ? around.after! : around.next;
    const maybePast = fits(around.previous) && !fits(around.next) && !fits(around.after);
    return [at(match, { day, past: false, maybePast })];
  });
}

function dayOfMonth(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  return [...sentence.matchAll(DAY_OF_MONTH[lang])].flatMap((match) => {
    const around = dayOfMonthAround(today, Number(match[1]));
    if (!around) return [];
    const { year, month } = parts(today);
    const nextMonth = /pr[oó]ximo|siguiente|que viene|entrante|next/i.test(match[2] ?? '');
    const day = nextMonth
      ? calendarDay(month === 12 ? year + 1 : year, (month % 12) + 1, Number(match[1]))
      : around.next;
    return day ? [at(match, { day, past: false, maybePast: false })] : [];
  });
}

function numeric(sentence: string, lang: Lang, today: CalendarDay): NamedDate[] {
  return [...sentence.matchAll(NUMERIC)].flatMap((match) => {
    const [first, second] = [Number(match[1]), Number(match[3])];
    const year = match[4] ? Number(match[4].padStart(4, '20')) : null;
    if (match[2] === '.' && year === null) return []; // 12.50 is an amount
    if (lang === 'es' || first > 12) return monthDay(match, today, second, first, year);
    if (second > 12 || first === second) return monthDay(match, today, first, second, year);
    return [at(match, { day: null, past: false, maybePast: false })];
  });
}

function spanishOnly(sentence: string, today: CalendarDay): NamedDate[] {
  const monthFirst = [...sentence.matchAll(MONTH_FIRST_ES)].flatMap((match) => {
    const month = MONTHS_ES.indexOf(match[1].slice(0, 3).toLowerCase().replace('set', 'sep')) + 1;
    return monthDay(match, today, month, Number(match[2]), null);
  });
  const dayAfterTomorrow = [...sentence.matchAll(DAY_AFTER_TOMORROW)].map((match) =>
    at(match, { day: addDays(today, 2), past: false, maybePast: false }),
  );
  const endOfMonth = [...sentence.matchAll(END_OF_MONTH_ES)].map((match) => {
    const { year, month } = parts(today);
    const months = /pr[oó]ximo|siguiente/i.test(match[1] ?? '') ? 2 : 1;
    const firstAfter = calendarDay(year + Math.floor((month - 1 + months) / 12), ((month - 1 + months) % 12) + 1, 1)!;
    return at(match, { day: addDays(firstAfter, -1), past: false, maybePast: false });
  });
  return [...monthFirst, ...dayAfterTomorrow, ...endOfMonth];
}

/**
 * A day and month without a year is the nearest such day: "pagamos el 1 de diciembre" said on the 2nd is
 * gone, not next year's; a promise half a year ahead is rare enough to give up.
 */
function monthDay(match: RegExpMatchArray, today: CalendarDay, month: number, day: number, year: number | null) {
  const found = year === null ? nearestMonthDay(today, month, day) : calendarDay(year, month, day);
  return found ? [at(match, { day: found, past: found < today, maybePast: false })] : [];
}
