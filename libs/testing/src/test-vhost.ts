import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { TestResource } from './test-database';

const run = promisify(execFile);
const LOCAL_RABBITMQ = 'amqp://guest:guest@127.0.0.1:5672';

/** A fresh RabbitMQ vhost the guest user may use, through `rabbitmqctl` on this machine. */
export async function createTestVhost(brokerUrl = LOCAL_RABBITMQ): Promise<TestResource> {
  const name = `chasqui_test_${randomBytes(6).toString('hex')}`;
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*');
  return {
    url: `${brokerUrl}/${encodeURIComponent(name)}`,
    name,
    drop: () => rabbitmqctl('delete_vhost', name),
  };
}

async function rabbitmqctl(...args: string[]): Promise<void> {
  await run('rabbitmqctl', args, { timeout: 60_000 });
}
