export { loadEnv, ConfigError } from './load-env';
export { commonEnv, grpcEnv, statementLinkEnv, statementPortEnv } from './common-env';
