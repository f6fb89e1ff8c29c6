import { delivery } from '@chasqui/contracts';
import { firstValueFrom } from 'rxjs';
import type { ChaosStack } from './chaos-stack';
import type { ReminderRun } from './reminders';
import type { MessageRow } from './verdicts';

/** Customers read back besides every unknown one: the first, the middle and the last. */
const SAMPLE = 3;

/** Where delivery's ListActivity (what a tenant sees) disagrees with the rows, for a sample of customers. */
export async function activityDisagreements(
  stack: ChaosStack,
  run: ReminderRun,
  rows: MessageRow[],
): Promise<string[]> {
  const picks = [0, Math.floor(rows.length / 2), rows.length - 1].slice(0, SAMPLE).map((i) => rows[i]);
  const sample = [...new Set([...picks, ...rows.filter((row) => row.status === 'unknown')])].filter(Boolean);
  const problems: string[] = [];
  for (const row of sample) {
    try {
      const { messages } = await firstValueFrom(
        stack.delivery.listActivity(
          { customerId: row.customer_id, invoiceId: '', pageSize: 0, pageToken: '' },
          run.auth,
        ),
      );
      const shown = messages.map((m) => `${m.occurrenceId} ${m.status} ${m.messageId}`);
      const expected = `${row.occurrence_id} ${statusOnTheWire(row.status)} ${row.message_id}`;
      if (shown.length !== 1 || shown[0] !== expected) {
        problems.push(`ListActivity for customer ${row.customer_id} shows [${shown.join('; ')}], not ${expected}`);
      }
    } catch (error) {
      problems.push(`ListActivity for customer ${row.customer_id} failed: ${(error as Error).message}`);
    }
  }
  return problems;
}

function statusOnTheWire(status: string): delivery.MessageStatus {
  return delivery.MessageStatus[`MESSAGE_STATUS_${status.toUpperCase()}` as keyof typeof delivery.MessageStatus];
}
