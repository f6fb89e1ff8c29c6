import { commonEnv, grpcClientEnv, grpcEnv, loadEnv } from '@chasqui/config';
import { z } from 'zod';

export const deliveryEnv = {
  ...commonEnv(9464),
  ...grpcEnv(50054),
  RECEIVABLES_URL: z.string().default('127.0.0.1:50051'),
  ...grpcClientEnv(),
  SMTP_URL: z.url().default('smtp://127.0.0.1:1025'),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  /** Connecting, the greeting, and silence on an open connection (e.g. awaiting the answer to the final dot). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * How long a claim on a message outlives the process sending it (renewed
   * while the transaction runs): after a crash, its job is sent again this
   * long after. A job redelivered meanwhile waits.
   */
  SMTP_CLAIM_LEASE_MS: z.coerce.number().int().min(5000).default(30_000),
  MAIL_FROM: z.string().min(3).default('Chasqui <cobranza@chasqui.local>'),
  /** The right-hand side of every Message-ID we mint. */
  MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
    .default('chasqui.local'),
};

export type DeliveryEnv = ReturnType<typeof loadDeliveryEnv>;
export const loadDeliveryEnv = () => loadEnv(deliveryEnv);
