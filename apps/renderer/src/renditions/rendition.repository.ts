import { Exchanges, MessageTypes, renderer, RoutingKeys } from '@chasqui/contracts';
import { outboxInsert, type OutboxRow } from '@chasqui/messaging';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import type { ChosenTemplate } from '../templates/template';

/** What was rendered for one occurrence. */
export interface Rendition {
  occurrenceId: string;
  tenantId: string;
  customerId: string;
  subject: string;
  recipients: string[];
  pdf: Buffer | undefined;
  outcome: 'rendered' | 'no_recipients' | 'settled';
  template: ChosenTemplate;
}

/**
 * How long a relay leaves a send job to the renderer that wrote it (which publishes it as soon as
 * it commits): past this, the renderer is taken to have died or lost the broker, and a relay sends it.
 */
const SEND_JOB_CLAIM_MS = 30_000;

/** Renditions, once per occurrence, each written with its send job in one statement (the outbox). */
@Injectable()
export class RenditionRepository {
  constructor(private readonly orm: MikroORM) {}

  async exists(occurrenceId: string): Promise<boolean> {
    const rows: unknown[] = await this.orm.em
      .fork()
      .execute(`select 1 from ${SCHEMA}.renditions where occurrence_id = ?`, [occurrenceId]);
    return rows.length > 0;
  }

  /**
   * Records the rendition and queues its send job, in one statement (atomic on its own, and one round
   * trip on the hot path). `claim`: the send job's row is claimed and returned, for the caller to publish
   * (OutboxRelay.dispatch); else it is left to the relays. Undefined: nothing for the caller to publish.
   */
  async record(
    rendition: Rendition,
    sendJob?: renderer.SendJob,
    traceparent?: string,
    claim = false,
  ): Promise<OutboxRow | undefined> {
    const { pdf, template } = rendition;
    const insert = `insert into ${SCHEMA}.renditions
         (occurrence_id, tenant_id, customer_id, subject, recipients, pdf_sha256, pdf_bytes, outcome,
          template_id, template_version, created_at)
       values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?, ?, now())
       on conflict (occurrence_id) do nothing returning occurrence_id`;
    const params = [
      rendition.occurrenceId,
      rendition.tenantId,
      rendition.customerId,
      rendition.subject,
      JSON.stringify(rendition.recipients),
      pdf ? createHash('sha256').update(pdf).digest('hex') : null,
      pdf?.length ?? null,
      rendition.outcome,
      template.templateId ?? null,
      template.version ?? null,
    ];
    // Parameters as parameters: em.execute() would quote the send job (HTML, text, PDF) into the SQL text.
    const em = this.orm.em.fork();
    if (!sendJob) {
      await nativeQuery(em, insert, params);
      return undefined;
    }
    // The send job's row exists if and only if the rendition's was inserted now.
    const job = outboxInsert(
      SCHEMA,
      {
        exchange: Exchanges.jobs,
        routingKey: RoutingKeys.sendJob,
        type: MessageTypes.sendJob,
        body: renderer.SendJob.encode(sendJob).finish(),
        tenantId: rendition.tenantId,
        idempotencyKey: rendition.occurrenceId,
        traceparent,
      },
      claim ? SEND_JOB_CLAIM_MS : undefined,
    );
    const queued = await nativeQuery(
      em,
      `with rendered as (${insert}) ${job.into} ${job.select} from rendered returning id`,
      [...params, ...job.params],
    );
    return queued.length > 0 && claim ? job.row : undefined;
  }
}
