import { addressIn } from './address';
import { isHardBounce } from './bounce-severity';
import type { Bounce, BouncedRecipient, Complaint } from './classification';
import type { MailView } from './mail-view';
import { enhancedStatusIn } from './smtp-codes';

/**
 * Amazon SES notifications by email: the JSON of a bounce or a complaint, alone or as the
 * Message of an SNS envelope (docs.aws.amazon.com/ses/latest/dg/notification-contents.html).
 */
export function readSesBounce(view: MailView): Bounce | null {
  const notification = sesNotification(view.text);
  if (notification?.notificationType !== 'Bounce') return null;
  const bounce = objectAt(notification, 'bounce');
  const permanent = stringAt(bounce, 'bounceType') === 'Permanent';
  const recipients = arrayAt(bounce, 'bouncedRecipients').flatMap((entry): BouncedRecipient[] => {
    const address = addressIn(stringAt(entry, 'emailAddress'));
    if (!address) return [];
    const action = stringAt(entry, 'action') === 'delayed' ? 'delayed' : 'failed';
    const diagnostic = stringAt(entry, 'diagnosticCode').replace(/^[\w-]+\s*;\s*/, '');
    const status = enhancedStatusIn(stringAt(entry, 'status')) ?? enhancedStatusIn(diagnostic);
    // NoEmail: SES found that the address does not exist, whatever the remote server said.
    const noEmail = permanent && stringAt(bounce, 'bounceSubType') === 'NoEmail';
    return [{ address, action, status, diagnostic, hard: noEmail || isHardBounce({ action, status, diagnostic }) }];
  });
  return { kind: 'bounce', recipients, originalMessageIds: messageIds(notification) };
}

export function readSesComplaint(view: MailView): Complaint | null {
  const notification = sesNotification(view.text);
  if (notification?.notificationType !== 'Complaint') return null;
  const complaint = objectAt(notification, 'complaint');
  const recipients = arrayAt(complaint, 'complainedRecipients').flatMap(
    (entry) => addressIn(stringAt(entry, 'emailAddress')) ?? [],
  );
  return {
    kind: 'complaint',
    feedbackType: stringAt(complaint, 'complaintFeedbackType').toLowerCase() || 'abuse',
    recipients: [...new Set(recipients)],
    originalMessageIds: messageIds(notification),
  };
}

/** The Message-ID header of the sent message, when SES includes the headers. */
function messageIds(notification: Json): string[] {
  const headers = arrayAt(objectAt(notification, 'mail'), 'headers');
  const header = headers.find((entry) => stringAt(entry, 'name').toLowerCase() === 'message-id');
  return header ? [stringAt(header, 'value')] : [];
}

type Json = Record<string, unknown>;

function sesNotification(text: string): Json | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  // Relays that break long lines leave "!\n " in the JSON (sendmail's 990-character limit).
  const parsed = parseJson(text.slice(start, end + 1).replace(/!\n /g, ''));
  const message = parsed?.Message;
  return typeof message === 'string' ? parseJson(message) : parsed;
}

function parseJson(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: unknown, key: string): Json => (isObject(value) && isObject(value[key]) ? value[key] : {});
const arrayAt = (value: unknown, key: string): unknown[] =>
  isObject(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : [];
const stringAt = (value: unknown, key: string): string =>
  isObject(value) && typeof value[key] === 'string' ? value[key] : '';
