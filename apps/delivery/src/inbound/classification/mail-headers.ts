import type { InboundMail } from './classification';

/**
 * The values of one header as text, first occurrence first. mailparser keeps unknown headers as
 * strings (an array when repeated), address headers as `{ value: [...], text }` and structured
 * ones (Content-Type…) as `{ value, params }`.
 */
export function headerValues(mail: InboundMail, name: string): string[] {
  const raw: unknown = mail.headers?.get(name.toLowerCase());
  const values: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.map((value) => asText(value).trim());
}

export function headerValue(mail: InboundMail, name: string): string | null {
  return headerValues(mail, name)[0] ?? null;
}

/** Whether the header is present; by its raw line, since mailparser folds List-* headers into one "list" entry. */
export function hasHeader(mail: InboundMail, name: string): boolean {
  return (mail.headerLines ?? []).some((line) => line.key === name.toLowerCase());
}

function asText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('value' in value && typeof value.value === 'string') return value.value;
  return '';
}
