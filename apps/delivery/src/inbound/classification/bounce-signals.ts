import { header, type MailView } from './mail-view';

const REPORT_TYPES = ['message/delivery-status', 'message/global-delivery-status'];

/** A standard delivery status notification (RFC 3464, RFC 6533). */
export function isDeliveryReport(view: MailView): boolean {
  return view.reportType === 'delivery-status' || view.parts.some((part) => REPORT_TYPES.includes(part.type));
}

/** An abuse report (RFC 5965) or a read receipt (RFC 8098): a report, but not about delivery. */
export function isOtherReport(view: MailView): boolean {
  return (
    view.reportType === 'feedback-report' ||
    view.reportType === 'disposition-notification' ||
    view.parts.some((part) => part.type === 'message/feedback-report')
  );
}

const DAEMON_SENDER =
  /^(mailer-daemon|mailerdaemon|mail-daemon|mdaemon|postmaster|post_master|mail\.delivery\.system)@/;
const DAEMON_NAME =
  /mail(er)?[- ]?daemon|postmaster|mail delivery|deliver(y)? (sub)?system|ndr administrator|mail administrator/i;

const BOUNCE_SUBJECT = new RegExp(
  [
    'undeliver',
    'returned mail',
    'returning message',
    'return(ed)? to sender',
    'delivery (status notification|status|failure|failed|has failed|notification|problem)',
    'mail delivery failed',
    'failure notice',
    'could not be delivered',
    'not delivered',
    'non-?delivery',
    'mail system error',
    'mail failure',
    'could not send message',
    'cannot send message',
    'message .*delayed',
    'error sending your mail',
    'delivery failure',
    // Spanish, Portuguese, German, French, Dutch (Exchange's "Undeliverable:"), Japanese, Russian
    'no se (puede|pudo) entregar',
    'no entregad[oa]',
    'n[ãa]o (é possível|foi possível|pode ser) entreg',
    'n[ãa]o entregue',
    'unzustellbar',
    'non remis',
    'onbestelbaar',
    'メールエラー',
    '配信できません',
    'не доставлено',
    'недоставленное',
  ].join('|'),
  'i',
);

/** What a delivery report says, in the words of the MTAs that do not send RFC 3464. */
const BOUNCE_WORDING = new RegExp(
  [
    "(could not|couldn't|can ?not|unable to) (be )?deliver",
    "(was not|wasn't|not be|has not yet been) delivered",
    'delivery (to the following recipients? )?(has )?failed',
    'failed permanently',
    'permanent (error|failure|fatal)',
    'undeliverable',
    'error (occurred )?(while )?(delivering|sending|trying to deliver)',
    "wasn't able to deliver",
    'did not reach the following',
    'could not be reached',
    'transcript of session',
    'the following addresses? had',
    'remote host said',
    'requested action not taken',
    'rcpt to:',
    'delivery status notification',
    'message (could not be|was not) (sent|delivered)',
    'returned to you',
    'the following recipients',
    'no (pudo|puede) ser entregado|no se (ha podido|pudo) entregar',
    'n[ãa]o (p[ôo]de ser entregue|foi poss[íi]vel entregar)',
    'konnte nicht zugestellt werden',
    "n'a pas pu [êe]tre (remis|distribu)",
  ].join('|'),
  'i',
);

/**
 * A non-standard bounce: at least two of a mail-system sender, a bounce subject and
 * bounce wording — any one alone is too common in ordinary mail. A reply or forward
 * (Re:, Fwd:) of a bounce is a person's mail unless a mail system sent it.
 */
export function looksLikeBounce(view: MailView): boolean {
  const fromDaemon =
    DAEMON_SENDER.test(view.from) || DAEMON_NAME.test(view.fromName) || !!header(view, 'x-failed-recipients');
  const subject =
    BOUNCE_SUBJECT.test(view.subject) && (fromDaemon || !/^\s*(re|fwd?|aw|wg|tr)\s*:/i.test(view.subject));
  const wording = BOUNCE_WORDING.test(view.text);
  return [fromDaemon, subject, wording].filter(Boolean).length >= 2;
}
