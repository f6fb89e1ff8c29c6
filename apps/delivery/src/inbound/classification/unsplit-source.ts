import { addressIn, addressesIn } from './address';
import type { InboundMail } from './classification';
import { fieldValue, headerSection, mimeTypeOf, normalizeLineEnds, readFields } from './header-fields';
import type { MailView } from './mail-view-shape';

/**
 * The source to read when mailparser could not split the mail: no headers (a leading empty
 * line, bare CR line ends) or no body at all (a multipart whose boundary never occurs). Null
 * when mailparser read it.
 */
export function unsplitSource(mail: InboundMail): string | null {
  const headless = mail.headerLines.length <= 1 && !mail.subject && !mail.from;
  const bodiless = !mail.text && !mail.html && mail.attachments.length === 0;
  if (!headless && !bodiless) return null;
  if (mail.raw) return mail.raw.toString('utf8');
  // Bare CR line ends: mailparser saw one endless header line holding the whole message.
  if (headless) return [...mail.headerLines.map((line) => line.line), mail.text ?? ''].join('\n');
  return null;
}

/** The view of a source read by hand: its header block, and the rest as text. */
export function sourceView(source: string): Omit<MailView, 'rawBody'> {
  const text = normalizeLineEnds(source).replace(/^(?:[ \t]*\n)+/, '');
  const head = headerSection(text);
  const headers = readFields(head);
  const from = fieldValue(headers, 'from');
  const contentType = fieldValue(headers, 'content-type');
  return {
    headers,
    from: addressIn(from) ?? '',
    fromName: from.replace(/<[^>]*>|"/g, '').trim(),
    to: addressesIn(`${fieldValue(headers, 'to')} ${fieldValue(headers, 'cc')}`),
    subject: fieldValue(headers, 'subject'),
    ...mimeTypeOf(contentType),
    messageId: /<[^>]+>/.exec(fieldValue(headers, 'message-id'))?.[0] ?? '',
    text: withoutMimeStructure(text.slice(head.length)),
    parts: [],
  };
}

/** A MIME boundary line (RFC 2046 5.1.1): "--" and up to 70 characters, not only dashes. */
const BOUNDARY = /^--(?=[\w'()+,./:=?-]*[^-\s])[\w'()+,./:=?-]{1,70}$/;

/** The body without preamble, boundary lines and part headers, which would read as words of the report. */
function withoutMimeStructure(body: string): string {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => BOUNDARY.test(line.trim()));
  const kept: string[] = [];
  let inPartHeader = false;
  // The preamble before the first boundary is for non-MIME readers (RFC 2046 5.1.1).
  for (const line of first < 0 ? lines : lines.slice(first)) {
    if (BOUNDARY.test(line.trim())) {
      inPartHeader = true;
      continue;
    }
    if (inPartHeader && (/^(content-[\w-]+|mime-version)\s*:/i.test(line) || /^[ \t]+\S/.test(line))) continue;
    if (inPartHeader && !line.trim()) {
      inPartHeader = false;
      continue;
    }
    inPartHeader = false;
    kept.push(line);
  }
  return kept.join('\n');
}
