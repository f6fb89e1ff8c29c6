import { addressesIn, isDaemonAddress } from './address';
import { isHardBounce } from './bounce-severity';
import { isDeliveryReport, isOtherReport, looksLikeBounce } from './bounce-signals';
import { readBounceWording, serverReply, tidy, type WordedFailure } from './bounce-wording';
import type { Bounce, BouncedRecipient, InboundMail } from './classification';
import { readDeliveryStatus, type StatusFields } from './delivery-status';
import { readSesBounce } from './ses-notification';
import { enhancedStatusIn, replyCodeIn } from './smtp-codes';
import { header, type MailView, viewOf } from './mail-view';
import {
  originalHeaders,
  originalMessageIds,
  originalRecipients,
  originalSenders,
  splitAtOriginal,
} from './returned-original';

/**
 * Reads a delivery status notification: RFC 3464 reports first, then the wording of the
 * MTAs that write their own (and Amazon SES's JSON). Null for anything else, complaints and
 * auto-replies included.
 */
export function readBounce(mail: InboundMail): Bounce | null {
  const view = viewOf(mail);
  const ses = readSesBounce(view);
  if (ses) return ses;
  if (isOtherReport(view)) return null;
  if (!isDeliveryReport(view) && !looksLikeBounce(view)) return null;
  return { kind: 'bounce', recipients: bouncedRecipients(view), originalMessageIds: originalMessageIds(view) };
}

function bouncedRecipients(view: MailView): BouncedRecipient[] {
  const originals = originalHeaders(view);
  const { notice } = splitAtOriginal(view.text);
  const notMine = new Set([view.from, ...view.to, ...originalSenders(originals)].filter(Boolean));
  const worded = readBounceWording(notice, notMine);

  const reported = reportTexts(view).flatMap(readDeliveryStatus);
  if (reported.length) {
    // A notice naming nobody speaks of the one recipient reported ("Not enough disk space").
    const alone = !worded.length && new Set(reported.map((fields) => fields.recipient)).size === 1;
    return unique(reported.map((fields) => fromReport(fields, worded, alone ? tidy(notice) : '')));
  }

  const action = delayed(`${view.subject}\n${notice}`) ? 'delayed' : 'failed';
  if (worded.length) return unique(worded.map((failure) => fromWording(failure, action)));

  // Named nowhere in the notice: the Exim header, else whom the returned original was addressed to.
  const context = tidy(notice);
  const named = addressesIn(header(view, 'x-failed-recipients'));
  const addressed = named.length ? named : originalRecipients(originals);
  return unique(
    addressed
      .filter((address) => !notMine.has(address) && !isDaemonAddress(address))
      .map((address) => fromWording({ address, diagnostic: serverReply(context), context }, action)),
  );
}

/**
 * The delivery-status parts, the text (where mailparser merges them by default), then the
 * attached messages: a report forwarded inside another, or two reports run together. The
 * messages we send never carry report fields, so a report in an attachment is a report.
 */
function reportTexts(view: MailView): string[] {
  const reports = view.parts.filter((part) => /^message\/(global-)?delivery-status$/.test(part.type));
  const attached = view.parts.filter((part) => !reports.includes(part));
  return [...reports, { content: view.text }, ...attached].map((part) => part.content);
}

function fromReport(fields: StatusFields, worded: WordedFailure[], notice: string): BouncedRecipient {
  const address = fields.recipient;
  const words = worded.find((failure) => failure.address === address);
  const diagnostic = fields.diagnostic || words?.diagnostic || '';
  const status = statusOf(fields.status, diagnostic);
  const action = actionOf(fields.action, status);
  // The notice may say what the report leaves out, e.g. "(in reply to RCPT TO command)".
  const context = [fields.diagnostic, words?.context ?? '', notice].join(' ');
  return {
    address,
    action,
    status,
    diagnostic,
    hard: isHardBounce({ action, status, diagnostic: context, diagnosticType: fields.diagnosticType }),
  };
}

function fromWording(failure: WordedFailure, action: BouncedRecipient['action']): BouncedRecipient {
  const status = statusOf(null, failure.context);
  return {
    address: failure.address,
    action,
    status,
    diagnostic: failure.diagnostic,
    hard: isHardBounce({ action, status, diagnostic: failure.context }),
  };
}

/** The Status field, unless it only gives the class ("5.0.0") and the server's reply is more precise. */
function statusOf(field: string | null, diagnostic: string): string | null {
  const said = enhancedStatusIn(diagnostic);
  if (field && !/^\d\.0\.0$/.test(field)) return field;
  if (said) return said;
  if (field) return field;
  const code = replyCodeIn(diagnostic);
  return code ? `${code[0]}.0.0` : null;
}

const ACTIONS: BouncedRecipient['action'][] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function actionOf(field: string, status: string | null): BouncedRecipient['action'] {
  const known = ACTIONS.find((action) => action === field);
  if (known) return known;
  // Not RFC 3464 words, but seen: "deliverable" (a success), "expired" and "undeliverable" (given up).
  return field === 'deliverable' || status?.startsWith('2.') ? 'delivered' : 'failed';
}

function delayed(words: string): boolean {
  const warning =
    /\bdelayed\b|not yet been delivered|delivery (is )?delayed|will (continue|keep) (trying|to try)|no action is required/i;
  return warning.test(words) && !/permanent|given up|giving up/i.test(words);
}

/** One entry per address: a report may list a recipient twice (one per attempt or part). */
function unique(recipients: BouncedRecipient[]): BouncedRecipient[] {
  const seen = new Map<string, BouncedRecipient>();
  for (const recipient of recipients) {
    const first = seen.get(recipient.address);
    if (!first) seen.set(recipient.address, recipient);
    else if (!first.diagnostic && recipient.diagnostic) seen.set(recipient.address, recipient);
  }
  return [...seen.values()];
}
