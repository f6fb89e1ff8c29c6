import { UsageError } from '../cli-errors';
import { DEFAULT_ADDRESSES, resolveSettings } from './settings';

describe('resolveSettings', () => {
  const file = (text: string) => ({ path: '/home/op/.config/chasqui/config.yaml', text });

  it("defaults to the services' own ports on this machine, no credentials", () => {
    expect(resolveSettings({}, {}, undefined)).toEqual({
      addresses: DEFAULT_ADDRESSES,
      apiKey: undefined,
      adminToken: undefined,
      deadlineMs: 10_000,
    });
  });

  it('takes the command line over the environment over the file', () => {
    const settings = resolveSettings(
      { scheduler: 'flag:1' },
      { CHASQUI_SCHEDULER_URL: 'env:1', CHASQUI_RECEIVABLES_URL: 'env:2', CHASQUI_API_KEY: 'env-key' },
      file('scheduler: file:1\nreceivables: file:2\ndelivery: file:3\napi_key: file-key\nadmin_token: file-admin\n'),
    );
    expect(settings.addresses).toEqual({
      scheduler: 'flag:1',
      receivables: 'env:2',
      delivery: 'file:3',
      renderer: DEFAULT_ADDRESSES.renderer,
    });
    expect(settings.apiKey).toBe('env-key');
    expect(settings.adminToken).toBe('file-admin');
  });

  it('names the file and the key of a setting it does not know', () => {
    expect(() => resolveSettings({}, {}, file('apikey: x\n'))).toThrow(
      new UsageError(
        '/home/op/.config/chasqui/config.yaml: apikey: unknown setting (known: receivables, scheduler, renderer, delivery, api_key, admin_token)',
      ),
    );
    expect(() => resolveSettings({}, {}, file('api_key: 42\n'))).toThrow(/api_key: must be a non-empty string/);
    expect(() => resolveSettings({}, {}, file('- a\n'))).toThrow(/must be a mapping/);
  });

  it('takes a deadline in whole milliseconds', () => {
    expect(resolveSettings({ deadline: '2500' }, {}, undefined).deadlineMs).toBe(2500);
    expect(() => resolveSettings({ deadline: '2.5s' }, {}, undefined)).toThrow(UsageError);
  });
});
