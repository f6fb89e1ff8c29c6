import { Migration } from '@mikro-orm/migrations';

/**
 * Why a customer is paused, apart from the note a person gave: PauseCustomer
 * (manual), a person's reply, or a promise to pay. The reply pauses wrote
 * their kind into pause_reason; it moves here and pause_reason keeps only
 * notes. An index serves ListPauses (the tenant's pauses by their last day).
 */
export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.customer_policies
      add column pause_source text check (pause_source in ('manual', 'replied', 'promise_to_pay'))`);
    this.addSql(`update scheduler.customer_policies
      set pause_source = case when pause_reason in ('replied', 'promise_to_pay') then pause_reason else 'manual' end,
          pause_reason = case when pause_reason in ('replied', 'promise_to_pay') then null else pause_reason end
      where paused_until is not null`);
    this
      .addSql(`create index customer_policies_paused on scheduler.customer_policies (tenant_id, paused_until, customer_id)
      where paused_until is not null`);
  }
}
