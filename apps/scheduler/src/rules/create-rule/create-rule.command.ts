import { z } from 'zod';

const days = z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650');

export const createRuleCommand = z
  .object({
    tenantId: z.string(),
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    sendHour: z.number().int().min(0, 'must be an hour 0-23').max(23, 'must be an hour 0-23').default(9),
    overdue: z.object(
      {
        fromDays: days,
        untilDays: days.optional(),
        everyDays: z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365').optional(),
      },
      { error: 'a schedule is required' },
    ),
  })
  .refine((c) => c.overdue.untilDays === undefined || c.overdue.untilDays >= c.overdue.fromDays, {
    path: ['overdue', 'untilDays'],
    message: 'must not be before from_days',
  });

export type CreateRuleCommand = z.infer<typeof createRuleCommand>;
