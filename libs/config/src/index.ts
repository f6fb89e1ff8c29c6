export { loadEnv, ConfigError } from './load-env';
export { commonEnv, grpcClientEnv, grpcEnv, statementLinkEnv, statementPortEnv } from './common-env';
