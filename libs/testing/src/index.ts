export { createTestDatabase, type TestResource } from './test-database';
export { createTestVhost } from './test-vhost';
