import { commonEnv, grpcClientEnv, grpcEnv, loadEnv, statementLinkEnv } from '@chasqui/config';
import { z } from 'zod';

export const schedulerEnv = {
  ...commonEnv(9462),
  ...grpcEnv(50052),
  ...statementLinkEnv(),
  RECEIVABLES_URL: z.string().default('127.0.0.1:50051'),
  /** Asked whether a rule may name a template (the renderer owns them). */
  RENDERER_URL: z.string().default('127.0.0.1:50053'),
  ...grpcClientEnv(),
  /** How late a step may still be sent after its moment (ARCHITECTURE §5a). */
  GRACE_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(48),
  /** How often the cycle runs on its own; 0: never (cycles only through RunCycle, as tests drive them). */
  TICK_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
};

export type SchedulerEnv = ReturnType<typeof loadSchedulerEnv>;
export const loadSchedulerEnv = () => loadEnv(schedulerEnv);
