import { failureOutcome, outcomeReason } from './smtp-outcome';

describe('the outcome of a failed SMTP transaction', () => {
  it.each([
    [
      '550 at RCPT',
      { message: 'x', responseCode: 550, response: '550 5.1.1 no such user', command: 'RCPT TO' },
      false,
      'rejected',
    ],
    [
      '552 after the dot',
      { message: 'x', responseCode: 552, response: '552 too big', command: 'DATA' },
      true,
      'rejected',
    ],
    ['451 at RCPT (greylisting)', { message: 'x', responseCode: 451, response: '451 try later' }, false, 'deferred'],
    ['451 after the dot', { message: 'x', responseCode: 451, response: '451 local error' }, true, 'deferred'],
    [
      '421 at the greeting',
      { message: 'x', responseCode: 421, response: '421 busy', command: 'CONN' },
      false,
      'deferred',
    ],
    ['connection refused', { message: 'connect ECONNREFUSED', code: 'ESOCKET', command: 'CONN' }, false, 'deferred'],
    [
      'connection lost before MAIL',
      { message: 'Connection closed unexpectedly', code: 'ECONNECTION' },
      false,
      'deferred',
    ],
    ['connection lost mid-DATA', { message: 'Connection closed unexpectedly', code: 'ECONNECTION' }, false, 'deferred'],
    [
      'connection lost after the dot',
      { message: 'Connection closed unexpectedly', code: 'ECONNECTION' },
      true,
      'unknown',
    ],
    ['timeout waiting for the 250', { message: 'Timeout', code: 'ETIMEDOUT' }, true, 'unknown'],
  ])('%s → %s', (_case, error, finalDotSent, kind) => {
    expect(failureOutcome(error, finalDotSent).kind).toBe(kind);
  });

  it('blames the server, not the message, for a 421 or a lost connection', () => {
    expect(failureOutcome({ message: 'x', responseCode: 421 }, false)).toMatchObject({ scope: 'server' });
    expect(failureOutcome({ message: 'closed', code: 'ECONNECTION' }, false)).toMatchObject({ scope: 'server' });
    expect(failureOutcome({ message: 'x', responseCode: 452 }, false)).toMatchObject({ scope: 'message' });
  });

  it('defers when every recipient was refused but one only for now', () => {
    const error = {
      message: 'Can not send mail to any recipient',
      code: 'EENVELOPE',
      rejectedErrors: [{ responseCode: 550 }, { responseCode: 451 }],
    };
    expect(failureOutcome(error, false)).toMatchObject({ kind: 'deferred', scope: 'message' });
  });

  it('fails when every recipient was refused for good', () => {
    const error = { message: 'no', code: 'EENVELOPE', rejectedErrors: [{ responseCode: 550 }, { responseCode: 553 }] };
    expect(failureOutcome(error, false).kind).toBe('rejected');
  });

  it('says the outcome is unknown in so many words', () => {
    expect(failureOutcome({ message: 'Connection closed unexpectedly' }, true).response).toMatch(/after the final dot/);
  });
});

describe('the reason a tenant reads for each outcome', () => {
  it('says what happens next, with the server’s own words', () => {
    expect(outcomeReason({ kind: 'rejected', response: '550 5.1.1 <x@y.mx>: user unknown' })).toBe(
      'The mail server refused it for good; check the address or the content. It said: 550 5.1.1 <x@y.mx>: user unknown',
    );
    expect(outcomeReason({ kind: 'deferred', scope: 'message', response: '451 4.7.1 greylisted' })).toMatch(
      /try again later; it will be\. It said: 451 4\.7\.1 greylisted$/,
    );
    expect(outcomeReason({ kind: 'deferred', scope: 'server', response: '421 too busy\r\n' })).toMatch(
      /could not be reached or was busy.*421 too busy$/,
    );
  });
});
