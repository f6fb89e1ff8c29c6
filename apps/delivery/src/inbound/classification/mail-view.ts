import type { AddressObject } from 'mailparser';
import type { InboundMail } from './classification';
import { fieldValue, headerSection, mimeTypeOf, normalizeLineEnds } from './header-fields';
import { htmlAsText } from './html-text';
import type { MailView } from './mail-view-shape';
import { sourceView, unsplitSource } from './unsplit-source';

export type { MailPart, MailView } from './mail-view-shape';

export function viewOf(mail: InboundMail): MailView {
  const source = unsplitSource(mail);
  const view = source === null ? parsedView(mail) : sourceView(source);
  const raw = mail.raw ? normalizeLineEnds(mail.raw.toString('utf8')).replace(/^(?:[ \t]*\n)+/, '') : '';
  return { ...view, rawBody: raw.slice(headerSection(raw).length) };
}

export function header(view: MailView, name: string): string {
  return fieldValue(view.headers, name);
}

function parsedView(mail: InboundMail): Omit<MailView, 'rawBody'> {
  const headers = mail.headerLines.map((line) => ({
    name: line.key.toLowerCase(),
    value: normalizeLineEnds(line.line.slice(line.line.indexOf(':') + 1))
      .replace(/\n[ \t]+/g, ' ')
      .trim(),
  }));
  const from = mail.from?.value[0];
  const contentType = fieldValue(headers, 'content-type');
  return {
    headers,
    from: from?.address?.toLowerCase() ?? '',
    fromName: from?.name ?? '',
    to: [mail.to, mail.cc].flatMap(addressesOf),
    subject: mail.subject ?? '',
    ...mimeTypeOf(contentType),
    messageId: mail.messageId ?? '',
    text: normalizeLineEnds(mail.text || (mail.html ? htmlAsText(mail.html) : '')),
    parts: mail.attachments
      .filter((part) => /^(message|text)\//i.test(part.contentType))
      .map((part) => ({
        type: part.contentType.toLowerCase(),
        content: normalizeLineEnds(part.content.toString('utf8')),
      })),
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field])
    .flatMap((group) => group.value)
    .flatMap((address) => (address.address ? [address.address.toLowerCase()] : []));
}
