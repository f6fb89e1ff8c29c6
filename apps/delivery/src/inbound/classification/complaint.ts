import { addressesIn } from './address';
import type { Complaint, InboundMail } from './classification';
import { fieldValue, fieldValues, readFields } from './header-fields';
import { readFeedbackLoop } from './feedback-loop';
import { type MailView, viewOf } from './mail-view';
import { originalHeaders, originalMessageIds, originalRecipients } from './returned-original';

/**
 * Reads an abuse report: ARF (RFC 5965, `multipart/report; report-type=feedback-report`),
 * else the feedback loops that do not send ARF (Hotmail JMRP, Amazon SES, Apple Mail's
 * unsubscribe). Null for anything else.
 */
export function readComplaint(mail: InboundMail): Complaint | null {
  const view = viewOf(mail);
  return readFeedbackReport(view) ?? readFeedbackLoop(view);
}

function readFeedbackReport(view: MailView): Complaint | null {
  const reports = view.parts.filter((part) => part.type === 'message/feedback-report');
  if (view.reportType !== 'feedback-report' && !reports.length) return null;
  // Unsplit MIME leaves the report fields in the text.
  const fields = (reports.length ? reports.map((part) => part.content) : [view.text]).flatMap(readFields);
  const named = [...fieldValues(fields, 'original-rcpt-to'), ...fieldValues(fields, 'removal-recipient')];
  return {
    kind: 'complaint',
    // Feedback-Type is required (RFC 5965 3.1); "abuse" is what a report without one means.
    feedbackType: fieldValue(fields, 'feedback-type').toLowerCase() || 'abuse',
    recipients: named.length ? unique(named.flatMap(addressesIn)) : addressedOriginal(view),
    originalMessageIds: originalMessageIds(view),
  };
}

/**
 * Whom the reported message was addressed to, when the report does not say (Original-Rcpt-To
 * is optional): the attached original, or the header lines mailparser writes into the text for
 * an inline one. Many providers redact it ("Undisclosed Recipients"): then nobody.
 */
function addressedOriginal(view: MailView): string[] {
  const inText = readFields(view.text).filter((field) => field.name === 'to');
  const reporters = new Set([view.from, ...view.to]);
  return unique([
    ...originalRecipients(originalHeaders(view)),
    ...inText.flatMap((field) => addressesIn(field.value)),
  ]).filter((address) => !reporters.has(address));
}

function unique(addresses: string[]): string[] {
  return [...new Set(addresses)];
}
