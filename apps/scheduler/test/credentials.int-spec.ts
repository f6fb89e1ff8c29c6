import { Metadata, status } from '@grpc/grpc-js';
import { apiKeyMetadata } from '@chasqui/grpc';
import type { Observable } from 'rxjs';
import { failure } from './support/calls';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(180_000);

type Method = (request: object, metadata: Metadata) => Observable<unknown>;

describe('every scheduler call authenticates its caller before anything else', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const methods = () =>
    Object.entries(stack.scheduler as unknown as Record<string, Method>).filter(
      // The client has each method twice (ListRules, listRules): one is enough.
      ([name, method]) => typeof method === 'function' && /^[a-z]/.test(name),
    );

  it('answers UNAUTHENTICATED to a call without an API key, or with a key no tenant has, even with bad input', async () => {
    const answers: Record<string, [number, number]> = {};
    for (const [name, method] of methods()) {
      const bad = { customerId: 'not-a-uuid', ruleId: 'nope' };
      const withoutKey = await failure(method.call(stack.scheduler, bad, new Metadata()));
      const unknownKey = await failure(method.call(stack.scheduler, bad, apiKeyMetadata('no-tenant-has-this-key')));
      answers[name] = [withoutKey.code, unknownKey.code];
    }
    // The service has its calls (not an empty list checked vacuously), every one of them refused.
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['createRule', 'listRules', 'forecast', 'runCycle']));
    expect(answers).toEqual(
      Object.fromEntries(Object.keys(answers).map((name) => [name, [status.UNAUTHENTICATED, status.UNAUTHENTICATED]])),
    );
  });
});
