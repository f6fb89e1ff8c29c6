import { addressesIn } from './address';
import { type Field, fieldValues, headerSection, readFields } from './header-fields';
import type { MailView } from './mail-view';

/** Where a bounce starts quoting the message it returns, in the wording of the common MTAs. */
const ORIGINAL_BEGINS = [
  /^\s*-{2,}.*\b(original|returned|unsent|copy of|header of)\b/i,
  /^\s*(original message (follows|headers)|message headers follow|included is a copy|below is a copy|original message:)/i,
  // No announcement: the returned headers simply begin.
  /^(received|return-path|dkim-signature|delivered-to|x-received|arc-seal|message-id)\s*:/i,
];

/** A bounce's text split into its notice and the quoted original that follows it ('' when none). */
export function splitAtOriginal(text: string): { notice: string; original: string } {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => ORIGINAL_BEGINS.some((pattern) => pattern.test(line)));
  if (start < 0) return { notice: text, original: '' };
  const announced = !ORIGINAL_BEGINS[2].test(lines[start]);
  return {
    notice: lines.slice(0, start).join('\n'),
    original: lines.slice(announced ? start + 1 : start).join('\n'),
  };
}

const ORIGINAL_TYPES = [
  'message/rfc822',
  'message/global',
  'message/partial',
  'text/rfc822-headers',
  'text/rfc822-header',
  'message/rfc822-headers',
  'message/global-headers',
];

/** The header fields of each returned original: attached parts, else the quoted text. */
export function originalHeaders(view: MailView): Field[][] {
  const attached = view.parts
    .filter((part) => ORIGINAL_TYPES.includes(part.type))
    .map((part) => readFields(headerSection(part.content)));
  const quoted = splitAtOriginal(view.text).original;
  return [...attached, ...(quoted ? [readFields(headerSection(quoted))] : [])].filter((fields) => fields.length);
}

/** Who sent the returned original: never the failed recipient. */
export function originalSenders(originals: Field[][]): string[] {
  const names = ['from', 'return-path', 'sender', 'reply-to'];
  return originals.flatMap((fields) => names.flatMap((name) => fieldValues(fields, name).flatMap(addressesIn)));
}

/** Whom the returned original was addressed to: its To and Cc, else its Received "for <…>". */
export function originalRecipients(originals: Field[][]): string[] {
  const addressed = originals.flatMap((fields) => [...fieldValues(fields, 'to'), ...fieldValues(fields, 'cc')]);
  const received = originals.flatMap((fields) =>
    fieldValues(fields, 'received').flatMap((value) => /\bfor\s+<?([^\s<>;]+@[^\s<>;]+)/i.exec(value)?.[1] ?? []),
  );
  const named = addressed.flatMap(addressesIn);
  return [...new Set(named.length ? named : received.flatMap(addressesIn))];
}

/** The Message-IDs of the returned original(s), as written ("<id@host>"), so a bounce finds its message. */
export function originalMessageIds(view: MailView): string[] {
  const fromHeaders = originalHeaders(view).flatMap((fields) => fieldValues(fields, 'message-id'));
  // A quoted original whose header block is broken still names its Message-ID on a line of its own.
  const ids = [...fromHeaders, ...messageIdLines(view.text)].flatMap(messageIdIn);
  // Last, the raw body: MIME that mailparser read as part headers (no empty line before them).
  return [...new Set(ids.length ? ids : messageIdLines(view.rawBody).flatMap(messageIdIn))];
}

function messageIdLines(text: string): string[] {
  return [...text.matchAll(/^[ \t]*(?:X-Original-)?Message-Id[ \t]*:[ \t]*\n?[ \t]*(\S+)/gim)].map((found) => found[1]);
}

/** "<id@host>" as written; a bare id (some mailers leave out the brackets) as it is. */
function messageIdIn(value: string): string[] {
  const id = /<[^<>\s]+>/.exec(value)?.[0] ?? value.trim();
  return /^<?[^<>\s]+>?$/.test(id) ? [id] : [];
}
