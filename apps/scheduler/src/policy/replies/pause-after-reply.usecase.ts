import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../customer-policies.repository';

export interface ReplyCommand {
  tenantId: string;
  customerId: string;
  receivedAt: Date;
  /** YYYY-MM-DD when the reply promised to pay on a date; null otherwise. */
  promisedDate: string | null;
}

/**
 * A person answering a reminder pauses the customer's reminders for the
 * tenant's days-after-reply (counted from the day the answer arrived); a
 * promise to pay with a date pauses them through that date. A pause is only
 * ever lengthened — a later manual pause or an earlier one running longer
 * stays — so a redelivered reply has no second effect.
 */
@Injectable()
export class PauseAfterReplyUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  execute(reply: ReplyCommand): Promise<void> {
    return this.policies.pauseAfterReply(this.orm.em.fork(), reply);
  }
}
