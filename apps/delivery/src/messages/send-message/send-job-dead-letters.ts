import { renderer, RoutingKeys } from '@chasqui/contracts';
import type { DeadLetterHook } from '@chasqui/messaging';
import { jobDeadLetteredEvent } from '@chasqui/platform';
import type { MessageRepository } from '../message.repository';
import { SEND_JOBS } from './send-job.consumer';

/**
 * A send job that died: its message says `dead_lettered` with the reason
 * (never `deferred` forever), and delivery.job.dead_lettered tells the
 * scheduler, in the transaction that archives the letter.
 */
export function sendJobDeadLetterHooks(messages: MessageRepository): Record<string, DeadLetterHook> {
  return {
    [SEND_JOBS]: async (letter, { em, publish }) => {
      const job = renderer.SendJob.decode(letter.body);
      if (await messages.recordDeadLetter(em, job, letter.reason, new Date())) {
        await publish(jobDeadLetteredEvent(letter, job, RoutingKeys.sendJobDeadLettered));
      }
    },
  };
}
