import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';

/** Whether the tenant's reminders wait for approval before they are sent. */
export async function approvalRequired(em: EntityManager, tenantId: string): Promise<boolean> {
  const [row] = await em.execute<{ approval_required: boolean }[]>(
    `select approval_required from ${SCHEMA}.tenant_settings where tenant_id = ?`,
    [tenantId],
  );
  return row?.approval_required ?? false;
}

/**
 * The tenant's open run, opened now if there is none, locked (shared) for
 * the caller's transaction: an approval waits for the occurrences being
 * added to it, and what comes after an approval goes to a new run.
 */
export async function openRun(em: EntityManager, tenantId: string, at: Date): Promise<string> {
  for (;;) {
    const [open] = await em.execute<{ id: string }[]>(
      `select id from ${SCHEMA}.runs where tenant_id = ? and status = 'awaiting_approval' for share`,
      [tenantId],
    );
    if (open) return open.id;
    await em.execute(
      `insert into ${SCHEMA}.runs (id, tenant_id, status, opened_at) values (?, ?, 'awaiting_approval', ?)
       on conflict (tenant_id) where status = 'awaiting_approval' do nothing`,
      [randomUUID(), tenantId, at],
    );
  }
}
