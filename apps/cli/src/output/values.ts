import { UsageError } from '../cli-errors';

/** A whole number from an option or a cell, else a usage error naming `field`. */
export function integer(field: string, text: string, min = Number.MIN_SAFE_INTEGER): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^-?\d+$/.test(trimmed) || !Number.isSafeInteger(value))
    throw new UsageError(`${field}: must be a whole number`);
  if (value < min) throw new UsageError(`${field}: must be at least ${min}`);
  return value;
}

/** Minor units of money (int64 on the wire, a string of digits). */
export function minorUnits(field: string, text: string): string {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed))
    throw new UsageError(`${field}: must be a whole number of minor units (cents), e.g. 125050`);
  return BigInt(trimmed).toString();
}

/** One of some words, else a usage error listing them. */
export function oneOf<T extends string>(field: string, text: string, allowed: readonly T[]): T {
  const value = text.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${field}: must be one of ${allowed.join(', ')} (got "${text}")`);
  }
  return value as T;
}

/** A calendar date, YYYY-MM-DD. */
export function calendarDate(field: string, text: string): string {
  const value = text.trim();
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${field}: must be a date, YYYY-MM-DD (got "${text}")`);
  }
  return value;
}

/** An instant (ISO 8601 with a zone, e.g. 2026-03-01T15:00:00Z). */
export function instant(field: string, text: string): Date {
  const date = new Date(text);
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(`${field}: must be an instant with its zone, e.g. 2026-03-01T15:00:00Z (got "${text}")`);
  }
  return date;
}
