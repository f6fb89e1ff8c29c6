import { Exchanges, RoutingKeys, scheduler } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { RenderReminderUseCase } from './render-reminder.usecase';

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
    queue: 'renderer.render-jobs',
    bindings: [{ exchange: Exchanges.jobs, routingKey: RoutingKeys.renderJob }],
    ...settings,
    decode: (body) => scheduler.RenderJob.decode(body),
    handle: (job, meta) => renderReminder.execute(job, meta),
  });
}
