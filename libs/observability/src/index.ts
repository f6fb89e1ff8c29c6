export { JsonLogger, type Log, type LogLevel } from './json-logger';
export { OpsServer, type ReadinessCheck } from './ops-server';
export { newTraceparent } from './traceparent';
export { createRegistry } from './registry';
