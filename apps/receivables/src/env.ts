import { commonEnv, grpcEnv, loadEnv } from '@chasqui/config';

export const receivablesEnv = {
  ...commonEnv(9461),
  ...grpcEnv(50051),
};

export type ReceivablesEnv = ReturnType<typeof loadReceivablesEnv>;
export const loadReceivablesEnv = () => loadEnv(receivablesEnv);
export const ENV = Symbol('ENV');
