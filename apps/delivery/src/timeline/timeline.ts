import type { Message } from '../messages/message.entity';
import type { MessageEvent } from './message-event.entity';

export type TimelineKind =
  'queued' | 'sent' | 'deferred' | 'failed' | 'unknown' | 'dead_lettered' | MessageEvent['kind'];

export interface TimelineStep {
  kind: TimelineKind;
  at: Date;
  recipient: string;
  detail: string;
  permanent: boolean;
  promisedDate: string;
  inboundId: string | null;
}

/**
 * A message's life, oldest first: queued when it was first taken up, where
 * sending stands now (its status, with the server's answer or the reason),
 * and every event recorded since (suppressed recipients, bounces, replies…).
 */
export function timelineOf(message: Message, events: MessageEvent[]): TimelineStep[] {
  const step = (kind: TimelineKind, at: Date, detail = ''): TimelineStep => ({
    kind,
    at,
    recipient: '',
    detail,
    permanent: false,
    promisedDate: '',
    inboundId: null,
  });
  const steps = [step('queued', message.createdAt)];
  const now = outcomeKind(message.status);
  if (now) steps.push(step(now, message.updatedAt, message.reason ?? message.smtpResponse ?? ''));
  steps.push(...events.map((event) => ({ ...event })));
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function outcomeKind(status: Message['status']): TimelineKind | null {
  if (status === 'sending' || status === 'suppressed') return null;
  return status;
}
