import { z } from 'zod';

export const updateSettingsCommand = z.object({
  tenantId: z.string(),
  approvalRequired: z.boolean().nullish(),
  pauseDaysAfterReply: z.number().int().min(0, 'must be 0 or more').max(365, 'must be at most 365').nullish(),
  lateIssueNotices: z
    .enum(['LATE_ISSUE_NOTICES_UNSPECIFIED', 'LATE_ISSUE_NOTICES_MISSED', 'LATE_ISSUE_NOTICES_SEND_LATE'])
    .refine((value) => value !== 'LATE_ISSUE_NOTICES_UNSPECIFIED', 'must be LATE_ISSUE_NOTICES_MISSED or _SEND_LATE')
    .transform((value) => (value === 'LATE_ISSUE_NOTICES_SEND_LATE' ? 'send_late' : 'missed'))
    .nullish(),
  newCustomersEnrolled: z.boolean().nullish(),
});
