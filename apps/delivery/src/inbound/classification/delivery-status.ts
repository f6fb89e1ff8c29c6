import { addressIn } from './address';
import { type Field, fieldValue, normalizeLineEnds, readFields } from './header-fields';
import { enhancedStatusIn } from './smtp-codes';

/** The per-recipient fields of an RFC 3464 delivery status report, as written. */
export interface StatusFields {
  /** The Final-Recipient, or the Original-Recipient when the final one is no mailbox (LMTP, a program). */
  recipient: string;
  /** The Action field, lower-cased; '' when absent. */
  action: string;
  /** The Status field's code (e.g. "5.1.1"), or null when absent or malformed. */
  status: string | null;
  /** The Diagnostic-Code type ("smtp", "x-unix", …), lower-cased; '' when absent. */
  diagnosticType: string;
  /** The Diagnostic-Code text without its type. */
  diagnostic: string;
}

const RECIPIENT_FIELDS = ['final-recipient', 'original-recipient'];

/**
 * Reads every per-recipient field group (RFC 3464 2.3) in a text: a message/delivery-status
 * part, or a text where the report was merged into the notice. Groups are separated by empty
 * lines; a group without a recipient field (the per-message fields, quoted headers) is skipped.
 */
export function readDeliveryStatus(text: string): StatusFields[] {
  return normalizeLineEnds(text)
    .split(/\n[ \t]*\n/)
    .flatMap((paragraph) => splitPerRecipient(readFields(paragraph)))
    .flatMap(statusFields);
}

/** Some MTAs leave out the empty line between recipients: a repeated recipient field starts a new group. */
function splitPerRecipient(fields: Field[]): Field[][] {
  const groups: Field[][] = [];
  let current: Field[] = [];
  for (const field of fields) {
    const repeated = RECIPIENT_FIELDS.includes(field.name) && current.some((seen) => seen.name === field.name);
    if (repeated) {
      groups.push(current);
      current = [];
    }
    current.push(field);
  }
  groups.push(current);
  return groups.filter((group) => group.some((field) => RECIPIENT_FIELDS.includes(field.name)));
}

function statusFields(fields: Field[]): StatusFields[] {
  const recipient = RECIPIENT_FIELDS.map((name) => recipientAddress(fieldValue(fields, name))).find(Boolean);
  if (!recipient) return [];
  const diagnosticCode = fieldValue(fields, 'diagnostic-code');
  const typed = /^([\w-]+)\s*;\s*([\s\S]*)$/.exec(diagnosticCode);
  return [
    {
      recipient,
      action: fieldValue(fields, 'action')
        .toLowerCase()
        .split(/[\s(;]/)[0],
      status: enhancedStatusIn(fieldValue(fields, 'status')),
      diagnosticType: typed ? typed[1].toLowerCase() : '',
      diagnostic: (typed ? typed[2] : diagnosticCode).trim(),
    },
  ];
}

/** "rfc822; <a@b>" → "a@b"; null for what is not a mailbox (e.g. "@relay:user@host" source routes). */
export function recipientAddress(value: string): string | null {
  const address = value.replace(/^[\w-]+\s*;/, '').trim();
  if (/^<?@/.test(address)) return null;
  return addressIn(address);
}
