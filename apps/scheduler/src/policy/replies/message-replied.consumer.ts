import { delivery, Exchanges, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SCHEMA } from '../../database/orm-settings';
import { DEFAULT_PAUSE_DAYS_AFTER_REPLY } from '../settings/default-settings';

/**
 * delivery.message.replied: a person answering a reminder pauses the
 * customer's reminders for the tenant's days-after-reply (counted from the
 * day the answer arrived); a promise to pay with a date pauses them through
 * that date. An auto-reply changes nothing. A pause is only ever lengthened —
 * a later manual pause or an earlier one running longer stays — so a
 * redelivered event has no second effect.
 */
export function messageRepliedConsumer(
  amqp: AmqpConnection,
  log: Log,
  orm: MikroORM,
  settings: ConsumerSettings,
): Consumer<delivery.MessageReplied> {
  return new Consumer({
    amqp,
    log,
    queue: 'scheduler.replies',
    bindings: [{ exchange: Exchanges.events, routingKey: RoutingKeys.messageReplied }],
    ...settings,
    decode: (body) => delivery.MessageReplied.decode(body),
    handle: async (reply) => {
      const { kind } = reply;
      if (kind !== 'REPLY_KIND_HUMAN' && kind !== 'REPLY_KIND_PROMISE_TO_PAY') return;
      const receivedAt = new Date(Number(reply.receivedAt?.seconds ?? 0) * 1000);
      const promised = kind === 'REPLY_KIND_PROMISE_TO_PAY' && /^\d{4}-\d{2}-\d{2}$/.test(reply.promisedDate);
      await orm.em.fork().execute(
        `with until as (
           select case when ?::boolean then ?::date
                       else (?::timestamptz at time zone 'UTC')::date
                            + coalesce((select pause_days_after_reply from ${SCHEMA}.tenant_settings
                                         where tenant_id = ?), ${DEFAULT_PAUSE_DAYS_AFTER_REPLY}) - 1
                  end as day)
         insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, paused_until, pause_reason)
         select ?, ?, day, ? from until
          where day >= (?::timestamptz at time zone 'UTC')::date
         on conflict (tenant_id, customer_id) do update
           set paused_until = excluded.paused_until, pause_reason = excluded.pause_reason, updated_at = now()
           where customer_policies.paused_until is null or customer_policies.paused_until < excluded.paused_until`,
        [
          promised,
          promised ? reply.promisedDate : null,
          receivedAt,
          reply.tenantId,
          reply.tenantId,
          reply.customerId,
          promised ? `promise_to_pay` : 'replied',
          receivedAt,
        ],
      );
    },
  });
}
