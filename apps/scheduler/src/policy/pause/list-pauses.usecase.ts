import { Temporal } from '@js-temporal/polyfill';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository, type PauseRow } from '../customer-policies.repository';
import { nextPausesToken, type ListPausesCommand } from './list-pauses.command';

/** The zone whose date is the earliest on Earth (UTC−12): a pause lasts there the longest. */
const LAST_ZONE_TO_END_A_DAY = 'Etc/GMT+12';

/**
 * The tenant's customers paused now, soonest ending first. A pause's last
 * day is a local date in the customer's zone, which only receivables knows:
 * a pause is listed until that day has ended everywhere, never dropped while
 * it may still be skipping steps.
 */
@Injectable()
export class ListPausesUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute(
    { tenantId, pageSize, pageToken }: ListPausesCommand,
    now: Temporal.Instant = Temporal.Now.instant(),
  ): Promise<{ pauses: PauseRow[]; nextPageToken: string }> {
    const today = now.toZonedDateTimeISO(LAST_ZONE_TO_END_A_DAY).toPlainDate().toString();
    const rows = await this.policies.listPauses(this.orm.em.fork(), tenantId, today, pageSize + 1, pageToken);
    const pauses = rows.slice(0, pageSize);
    return { pauses, nextPageToken: rows.length > pageSize ? nextPausesToken(pauses[pauses.length - 1]) : '' };
  }
}
