import { Temporal } from '@js-temporal/polyfill';
import Holidays from 'date-holidays';

/**
 * Weekends and national public holidays of a country, from date-holidays
 * (MX: Constitución on the first Monday of February, …; CL: Fiestas Patrias,
 * Viernes Santo, …). Each year's list is computed once per country.
 */
export class BusinessDays {
  private static readonly calendars = new Map<string, BusinessDays>();
  private readonly years = new Map<number, Set<string>>();
  private readonly holidays: Holidays;

  private constructor(country: string) {
    this.holidays = new Holidays(country);
  }

  static of(country: string): BusinessDays {
    let calendar = BusinessDays.calendars.get(country);
    if (!calendar) BusinessDays.calendars.set(country, (calendar = new BusinessDays(country)));
    return calendar;
  }

  isBusinessDay(date: Temporal.PlainDate): boolean {
    return date.dayOfWeek <= 5 && !this.holidaysOf(date.year).has(date.toString());
  }

  /** The date itself when it is a business day, else the next one. */
  onOrAfter(date: Temporal.PlainDate): Temporal.PlainDate {
    let day = date;
    while (!this.isBusinessDay(day)) day = day.add({ days: 1 });
    return day;
  }

  /** The date itself when it is a business day, else the one before it: onOrAfter's inverse. */
  onOrBefore(date: Temporal.PlainDate): Temporal.PlainDate {
    let day = date;
    while (!this.isBusinessDay(day)) day = day.subtract({ days: 1 });
    return day;
  }

  private holidaysOf(year: number): Set<string> {
    let dates = this.years.get(year);
    if (!dates) {
      const list = this.holidays.getHolidays(year) || [];
      dates = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      this.years.set(year, dates);
    }
    return dates;
  }
}
