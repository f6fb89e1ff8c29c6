import { z } from 'zod';
import { commonEnv } from './common-env';
import { ConfigError, loadEnv } from './load-env';

describe('loading the environment at boot', () => {
  const shape = { ...commonEnv(9000), SMTP_URL: z.url().default('smtp://127.0.0.1:1025') };

  it('fills every default for a developer machine', () => {
    const env = loadEnv(shape, {});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/chasqui');
    expect(env.HTTP_PORT).toBe(9000);
    expect(env.RETRY_DELAYS_MS).toEqual([30000, 300000, 3600000]);
  });

  it('reads and coerces what is set', () => {
    expect(loadEnv(shape, { HTTP_PORT: '8080', RETRY_DELAYS_MS: '500,1000' })).toMatchObject({
      HTTP_PORT: 8080,
      RETRY_DELAYS_MS: [500, 1000],
    });
  });

  it('fails naming every bad variable at once', () => {
    const load = () => loadEnv(shape, { HTTP_PORT: 'eighty', SMTP_URL: 'not a url', RETRY_DELAYS_MS: '1,x' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/HTTP_PORT/);
    expect(load).toThrow(/SMTP_URL/);
    expect(load).toThrow(/RETRY_DELAYS_MS/);
  });
});
