export { createTestDatabase, type TestResource } from './test-database';
export { createTestVhost } from './test-vhost';
export { ServiceProcess, runMigration } from './service-process';
export { freePort } from './free-port';
export { connectProbe } from './amqp-probe';
export { waitFor, settle } from './wait-for';
export { SmtpSink } from './smtp-sink';
export { corpusPath } from './corpus';
export { TEST_DEADLINES, BENCH_DEADLINES } from './deadlines';
export { FaultySmtp, type SmtpBehaviour, type ReceivedMail, type SmtpPolicy } from './faulty-smtp';
export { PrivatePostgres } from './private-postgres';
export { PrivateRabbitmq } from './private-rabbitmq';
export { sendRaw, type SmtpAnswer } from './smtp-client';
export { dsnFor, replyTo } from './inbound-mail';
export {
  ServiceStack,
  STACK_TOKENS,
  type ServiceName,
  type ServiceStackOptions,
  type TestTenant,
} from './service-stack';
export { call, failure } from './grpc-calls';
export { aTenant } from './factories/tenant.factory';
export { aContact, aCustomer } from './factories/customer.factory';
export { anInvoice, anInvoiceRow } from './factories/invoice.factory';
export { aPaymentOf } from './factories/payment.factory';
export { aRule } from './factories/rule.factory';
export { Ledger } from './factories/ledger';
