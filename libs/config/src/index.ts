export { loadEnv, ConfigError } from './load-env';
export { commonEnv, grpcEnv } from './common-env';
