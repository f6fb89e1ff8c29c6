export { loadEnv, ConfigError } from './load-env';
export {
  adminTokenEnv,
  commonEnv,
  grpcClientEnv,
  grpcEnv,
  migrationEnv,
  otelEnv,
  statementLinkEnv,
  statementPortEnv,
  previewPortEnv,
} from './common-env';
export { DEV_SECRETS, devSecretProblems } from './dev-secrets';
export { SERVICE_NODE_OPTIONS } from './node-options';
