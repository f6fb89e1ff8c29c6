import { commonEnv, grpcEnv, loadEnv } from '@chasqui/config';
import { z } from 'zod';

export const receivablesEnv = {
  ...commonEnv(9461),
  ...grpcEnv(50051),
  /** The operator's key: the only credential that may create tenants. */
  ADMIN_TOKEN: z.string().min(8).default('dev-admin-token'),
};

export type ReceivablesEnv = ReturnType<typeof loadReceivablesEnv>;
export const loadReceivablesEnv = () => loadEnv(receivablesEnv);
export const ENV = Symbol('ENV');
