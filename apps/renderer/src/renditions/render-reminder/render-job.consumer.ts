import { Exchanges, RoutingKeys, scheduler } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings, type DeadLetterHook } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import { jobDeadLetteredEvent } from '@chasqui/platform';
import type { RenderReminderUseCase } from './render-reminder.usecase';

const RENDER_JOBS = 'renderer.render-jobs';

/** Render jobs from the scheduler. Idempotent by occurrence id (rendition primary key). */
export function renderJobConsumer(
  amqp: AmqpConnection,
  log: Log,
  renderReminder: RenderReminderUseCase,
  settings: ConsumerSettings,
): Consumer<scheduler.RenderJob> {
  return new Consumer({
    amqp,
    log,
    queue: RENDER_JOBS,
    bindings: [{ exchange: Exchanges.jobs, routingKey: RoutingKeys.renderJob }],
    ...settings,
    decode: (body) => scheduler.RenderJob.decode(body),
    handle: (job, meta) => renderReminder.execute(job, meta),
  });
}

/** A render job that died says so about its occurrence (renderer.job.dead_lettered), for the scheduler to show. */
export const renderJobDeadLetterHooks: Record<string, DeadLetterHook> = {
  [RENDER_JOBS]: async (letter, { publish }) => {
    const job = scheduler.RenderJob.decode(letter.body);
    await publish(jobDeadLetteredEvent(letter, job, RoutingKeys.renderJobDeadLettered));
  },
};
