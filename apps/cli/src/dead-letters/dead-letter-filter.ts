import type { operations } from '@chasqui/contracts';
import { UsageError } from '../cli-errors';
import { timestamp } from '../output/output';
import { instant } from '../output/values';

export interface FilterOptions {
  queue?: string;
  reason?: string;
  tenant?: string;
  before?: string;
  after?: string;
  id?: string[];
}

/** The filter every dead-letter call takes, from the command line. */
export function deadLetterFilter(options: FilterOptions): operations.DeadLetterFilter {
  return {
    queue: options.queue ?? '',
    reasonContains: options.reason ?? '',
    tenantId: options.tenant ?? '',
    deadBefore: options.before === undefined ? undefined : timestamp(instant('--before', options.before)),
    deadAfter: options.after === undefined ? undefined : timestamp(instant('--after', options.after)),
    ids: options.id ?? [],
  };
}

/** A replay names what it replays: some filter, or --all said out loud; and who replays and why. */
export function replayRequest(
  options: FilterOptions & { all?: boolean; limit: number; note?: string },
): operations.ReplayDeadLettersRequest {
  const filter = deadLetterFilter(options);
  const narrowed = Object.values(filter).some((v) => (Array.isArray(v) ? v.length > 0 : v !== '' && v !== undefined));
  if (!narrowed && !options.all) {
    throw new UsageError('say which letters to replay (--id, --queue, --reason, --tenant, --before, --after) or --all');
  }
  if (!options.note?.trim()) throw new UsageError('--note: say who replays and why (kept with each letter)');
  return { filter, all: options.all === true, limit: options.limit, note: options.note };
}
