import { addressesIn } from './address';
import type { Complaint } from './classification';
import { fieldValues, readFields } from './header-fields';
import { header, type MailView } from './mail-view';
import { originalHeaders, originalMessageIds } from './returned-original';
import { readSesComplaint } from './ses-notification';

/** The feedback loops that do not send ARF: Hotmail/Outlook.com JMRP, Amazon SES, Apple Mail's unsubscribe. */
export function readFeedbackLoop(view: MailView): Complaint | null {
  return readHotmailReport(view) ?? readSesComplaint(view) ?? readAppleUnsubscribe(view);
}

/**
 * Hotmail's Junk Mail Reporting Program forwards the reported message (inline, or as the
 * report itself) with X-HmXmrOriginalRecipient naming the complaining user.
 */
function readHotmailReport(view: MailView): Complaint | null {
  const raw = view.rawBody ? readFields(view.rawBody) : [];
  const named = [view.headers, ...originalHeaders(view), raw].flatMap((fields) =>
    fieldValues(fields, 'x-hmxmroriginalrecipient'),
  );
  const signed = /@hotmail\.com$/.test(view.from) && /^complaint about message from/i.test(view.subject);
  if (!named.length && !signed) return null;
  // Without the raw source mailparser keeps only the inline original's To.
  const recipients = named.length
    ? named
    : readFields(view.text)
        .filter((field) => field.name === 'to')
        .map((field) => field.value);
  const reported = originalMessageIds(view);
  return {
    kind: 'complaint',
    feedbackType: 'abuse',
    recipients: [...new Set(recipients.flatMap(addressesIn))],
    // When the report is the reported message itself, its own Message-ID is the original's.
    originalMessageIds: reported.length || !header(view, 'x-hmxmroriginalrecipient') ? reported : [view.messageId],
  };
}

/** Apple Mail's one-click unsubscribe: a mail from the recipient marked X-Apple-Unsubscribe. */
function readAppleUnsubscribe(view: MailView): Complaint | null {
  if (header(view, 'x-apple-unsubscribe').toLowerCase() !== 'true' || !view.from) return null;
  return { kind: 'complaint', feedbackType: 'opt-out', recipients: [view.from], originalMessageIds: [] };
}
