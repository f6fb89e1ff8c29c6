import type { ReceivedMail } from '@chasqui/testing';
import type { TappedEvent } from './event-tap';

/** A row of delivery.messages, as the checks read it. */
export interface MessageRow {
  occurrence_id: string;
  customer_id: string;
  status: string;
  message_id: string;
  attempts: number;
  smtp_response: string | null;
}

/** Everything seen of a run once it settled: the log, the SMTP server's side, the events. */
export interface Observation {
  queued: string[];
  rows: MessageRow[];
  accepted: ReceivedMail[];
  dropped: ReceivedMail[];
  /** Distinct events (a republished copy counted once). */
  events: TappedEvent[];
}

export interface Verdict {
  violations: string[];
  /** Unknown, yet not a drop after the dot: what a death of delivery mid-transaction leaves. */
  unknownAfterDeath: string[];
}

/**
 * Each queued occurrence has one message: `sent`, taken by the server exactly
 * once and never dropped after its dot; or `unknown`, read whole by the
 * server which then dropped the connection, never taken. A death of delivery
 * between recording the dot and recording the answer also leaves `unknown`
 * (the server took it once, or never saw the dot): at most `deathBudget`
 * such. One event per message, of its status; nothing received that no
 * message accounts for.
 */
export function judge(seen: Observation, deathBudget: number): Verdict {
  const violations: string[] = [];
  const unknownAfterDeath: string[] = [];
  const byOccurrence = new Map(seen.rows.map((row) => [row.occurrence_id, row]));
  for (const id of seen.queued) if (!byOccurrence.has(id)) violations.push(`lost: occurrence ${id} has no message`);
  const queued = new Set(seen.queued);
  const count = <T>(items: T[], match: (item: T) => boolean) => items.filter(match).length;
  for (const row of seen.rows) {
    const at = `occurrence ${row.occurrence_id} (${row.message_id})`;
    if (!queued.has(row.occurrence_id)) violations.push(`a message for ${at}, which was never queued`);
    const taken = count(seen.accepted, (mail) => mail.messageId === row.message_id);
    const lost = count(seen.dropped, (mail) => mail.messageId === row.message_id);
    const eventsOf = (kind: string) =>
      count(seen.events, (e) => e.occurrenceId === row.occurrence_id && e.routingKey === `delivery.message.${kind}`);
    const [sent, unknown] = [eventsOf('sent'), eventsOf('unknown')];
    const facts = `${taken} accepted, ${lost} dropped after the dot, ${sent} sent / ${unknown} unknown events, ${row.attempts} attempts`;
    switch (row.status) {
      case 'sent':
        if (taken !== 1 || lost !== 0 || sent !== 1 || unknown !== 0) violations.push(`${at} is sent: ${facts}`);
        break;
      case 'unknown':
        if (unknown !== 1 || sent !== 0) violations.push(`${at} is unknown: ${facts}`);
        if (taken === 0 && lost === 1) break;
        if (taken + lost <= 1) unknownAfterDeath.push(`${at}: ${facts}`);
        else violations.push(`${at} is unknown, yet was received more than once: ${facts}`);
        break;
      default:
        violations.push(`${at} ended ${row.status} (${row.smtp_response ?? 'no SMTP answer'}; ${facts})`);
    }
  }
  if (unknownAfterDeath.length > deathBudget) {
    violations.push(`${unknownAfterDeath.length} unknown without a drop after the dot (at most ${deathBudget}):`);
    violations.push(...unknownAfterDeath.map((line) => `    ${line}`));
  }
  const messageIds = new Set(seen.rows.map((row) => row.message_id));
  for (const mail of [...seen.accepted, ...seen.dropped]) {
    if (!messageIds.has(mail.messageId)) violations.push(`the server received ${mail.messageId}, which no message has`);
  }
  for (const event of seen.events) {
    if (!byOccurrence.has(event.occurrenceId)) violations.push(`${event.routingKey} for unknown ${event.occurrenceId}`);
  }
  return { violations, unknownAfterDeath };
}
