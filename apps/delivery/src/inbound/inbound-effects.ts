import type { Message } from '../messages/message.entity';
import type { Suppression } from '../suppressions/suppression.entity';
import type { NewMessageEvent } from '../timeline/timeline.repository';
import type { Classification } from './classification/classification';

/** What one inbound email, matched to one of our messages, changes. */
export interface InboundEffects {
  events: NewMessageEvent[];
  suppressions: Suppression[];
  /** Hard and soft bounces for receivables (a hard one makes the contact undeliverable). */
  bounces: { recipient: string; status: string; diagnostic: string; permanent: boolean }[];
  complaints: { recipient: string; feedbackType: string }[];
  unsubscribes: { recipient: string; via: 'mailto' | 'one-click' }[];
  reply: { kind: 'human' | 'auto_reply' | 'promise_to_pay'; text: string; promisedDate: string } | null;
  /** A person's reply: pass it on to the tenant's reply-to list. */
  forward: boolean;
}

/** Unsubscribing through the List-Unsubscribe mailto, or a one-click POST. */
export type Unsubscribe = { kind: 'unsubscribe'; via: 'mailto' | 'one-click'; from: string | null };

/**
 * The effects of `what` on `message`: its timeline, the suppression list and
 * the events to publish. Only the message's own recipients are ever
 * suppressed — whatever an email claims, it cannot silence another address.
 */
export function inboundEffects(
  message: Message,
  what: Classification | Unsubscribe,
  at: Date,
  inboundId: string | null,
): InboundEffects {
  const effects: InboundEffects = {
    events: [],
    suppressions: [],
    bounces: [],
    complaints: [],
    unsubscribes: [],
    reply: null,
    forward: false,
  };
  const ours = new Set([...message.to, ...message.cc, ...message.bcc].map((a) => a.toLowerCase()));
  const base = { tenantId: message.tenantId, messageId: message.id, at, inboundId };
  const suppress = (address: string, reason: Suppression['reason'], detail: string) =>
    effects.suppressions.push({
      tenantId: message.tenantId,
      address,
      reason,
      detail,
      messageId: message.id,
      createdAt: at,
    });
  // Who a complaint or an unsubscribe is about: the named addresses that are ours, else every To.
  const concerned = (named: string[]) => {
    const hits = named.map((a) => a.toLowerCase()).filter((a) => ours.has(a));
    return hits.length > 0 ? [...new Set(hits)] : message.to.map((a) => a.toLowerCase());
  };

  if (what.kind === 'bounce') {
    for (const r of what.recipients) {
      if (r.action === 'delayed') {
        effects.events.push({ ...base, kind: 'delayed', recipient: r.address, detail: r.diagnostic });
        continue;
      }
      if (r.action !== 'failed') continue;
      const hard = r.hard && ours.has(r.address);
      effects.events.push({ ...base, kind: 'bounced', recipient: r.address, detail: r.diagnostic, permanent: hard });
      if (!ours.has(r.address)) continue;
      if (hard) suppress(r.address, 'hard_bounce', r.diagnostic || `status ${r.status ?? 'unknown'}`);
      effects.bounces.push({ recipient: r.address, status: r.status ?? '', diagnostic: r.diagnostic, permanent: hard });
    }
    if (what.recipients.length === 0) {
      effects.events.push({ ...base, kind: 'bounced', detail: 'A bounce that names no recipient.' });
    }
  } else if (what.kind === 'complaint') {
    for (const address of concerned(what.recipients)) {
      effects.events.push({ ...base, kind: 'complained', recipient: address, detail: what.feedbackType });
      suppress(address, 'complaint', `Feedback-Type: ${what.feedbackType}`);
      effects.complaints.push({ recipient: address, feedbackType: what.feedbackType });
    }
  } else if (what.kind === 'unsubscribe') {
    for (const address of concerned(what.from ? [what.from] : [])) {
      effects.events.push({ ...base, kind: 'unsubscribed', recipient: address, detail: `via ${what.via}` });
      suppress(address, 'unsubscribe', `List-Unsubscribe (${what.via})`);
      effects.unsubscribes.push({ recipient: address, via: what.via });
    }
  } else if (what.kind === 'auto_reply') {
    effects.events.push({ ...base, kind: 'auto_replied', detail: what.reason });
    effects.reply = { kind: 'auto_reply', text: '', promisedDate: '' };
  } else {
    const promisedDate = what.promisedDate ?? '';
    effects.events.push({ ...base, kind: 'replied', detail: what.text, promisedDate, permanent: !!what.promisedDate });
    effects.reply = { kind: what.promisedDate ? 'promise_to_pay' : 'human', text: what.text, promisedDate };
    effects.forward = true;
  }
  return effects;
}
