export { createTestDatabase, type TestResource } from './test-database';
export { createTestVhost } from './test-vhost';
export { ServiceProcess, runMigration } from './service-process';
export { freePort } from './free-port';
export { waitFor, settle } from './wait-for';
export { SmtpSink } from './smtp-sink';
export { corpusPath } from './corpus';
export { TEST_DEADLINES, BENCH_DEADLINES } from './deadlines';
export { FaultySmtp, type SmtpBehaviour, type ReceivedMail, type SmtpPolicy } from './faulty-smtp';
