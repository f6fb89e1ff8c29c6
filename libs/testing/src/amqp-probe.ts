import { connect } from 'amqplib';

type Connection = Awaited<ReturnType<typeof connect>>;

/**
 * A test's own AMQP connection (to publish as a service would, or to watch a
 * queue). One that fails after its test is done — its vhost dropped, a broker
 * restarted, a heartbeat missed on a loaded machine — must not crash the jest
 * worker, and with it whatever suite runs there next, as an unhandled 'error'
 * event would: the error is kept, and a test still using the connection fails
 * on its next call.
 */
export async function connectProbe(url: string, options?: Parameters<typeof connect>[1]): Promise<Connection> {
  const connection = await connect(url, options);
  connection.on('error', () => undefined);
  return connection;
}
