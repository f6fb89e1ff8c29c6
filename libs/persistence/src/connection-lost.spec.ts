import { ConnectionException, DriverException, SyntaxErrorException } from '@mikro-orm/core';
import { isConnectionLost, untilDatabaseAnswers } from './connection-lost';

describe('telling a database that went away from a bad statement', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['admin shutdown (pg_ctl -m fast)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients'), { code: '53300' })],
    ['pool timeout', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    ['MikroORM connection exception', new ConnectionException(new Error('x'))],
    [
      'the connection died inside a transaction (knex, wrapped by MikroORM)',
      new DriverException(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')),
    ],
    ['wrapped', Object.assign(new Error('outer'), { cause: Object.assign(new Error('inner'), { code: '08006' }) })],
  ])('%s: lost', (_case, error) => expect(isConnectionLost(error)).toBe(true));

  it.each([
    ['syntax error', new SyntaxErrorException(Object.assign(new Error('syntax error'), { code: '42601' }))],
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['not an error', 'boom'],
  ])('%s: not lost', (_case, error) => expect(isConnectionLost(error)).toBe(false));
});

describe('waiting out a database that is down', () => {
  it('tries again until the work gets through', async () => {
    let calls = 0;
    const work = async () => {
      calls += 1;
      if (calls < 3) throw new Error('Connection terminated unexpectedly');
      return 'done';
    };
    await expect(untilDatabaseAnswers(work, 10_000)).resolves.toBe('done');
    expect(calls).toBe(3);
  });

  it('throws anything else at once', async () => {
    let calls = 0;
    const work = async () => {
      calls += 1;
      throw new Error('syntax error');
    };
    await expect(untilDatabaseAnswers(work, 10_000)).rejects.toThrow('syntax error');
    expect(calls).toBe(1);
  });
});
