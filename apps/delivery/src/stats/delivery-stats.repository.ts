import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';

export interface DeliveryStats {
  sent: number;
  failed: number;
  unknown: number;
  bouncedHard: number;
  bouncedSoft: number;
  complaints: number;
  humanReplies: number;
  autoReplies: number;
  promisesToPay: number;
  unsubscribes: number;
  suppressedAddresses: number;
}

/** A tenant's delivery counts over a period, for a dashboard: three indexed aggregates. */
@Injectable()
export class DeliveryStatsRepository {
  constructor(private readonly orm: MikroORM) {}

  async of(tenantId: string, from: Date, to: Date): Promise<DeliveryStats> {
    const em = this.orm.em.fork();
    const [messages]: Record<string, string>[] = await em.execute(
      `select count(*) filter (where status = 'sent') as sent,
              count(*) filter (where status = 'failed') as failed,
              count(*) filter (where status = 'unknown') as unknown
         from ${SCHEMA}.messages where tenant_id = ? and created_at >= ? and created_at < ? and not test`,
      [tenantId, from, to],
    );
    const [events]: Record<string, string>[] = await em.execute(
      `select count(*) filter (where kind = 'bounced' and permanent) as bounced_hard,
              count(*) filter (where kind = 'bounced' and not permanent) as bounced_soft,
              count(*) filter (where kind = 'complained') as complaints,
              count(*) filter (where kind = 'replied' and promised_date = '') as human_replies,
              count(*) filter (where kind = 'replied' and promised_date <> '') as promises,
              count(*) filter (where kind = 'auto_replied') as auto_replies,
              count(*) filter (where kind = 'unsubscribed') as unsubscribes
         from ${SCHEMA}.message_events where tenant_id = ? and at >= ? and at < ?`,
      [tenantId, from, to],
    );
    const [suppressed]: Record<string, string>[] = await em.execute(
      `select count(*) as n from ${SCHEMA}.suppressions where tenant_id = ?`,
      [tenantId],
    );
    return {
      sent: Number(messages.sent),
      failed: Number(messages.failed),
      unknown: Number(messages.unknown),
      bouncedHard: Number(events.bounced_hard),
      bouncedSoft: Number(events.bounced_soft),
      complaints: Number(events.complaints),
      humanReplies: Number(events.human_replies),
      autoReplies: Number(events.auto_replies),
      promisesToPay: Number(events.promises),
      unsubscribes: Number(events.unsubscribes),
      suppressedAddresses: Number(suppressed.n),
    };
  }
}
