import { z } from 'zod';
import { adminTokenEnv, commonEnv, grpcEnv, migrationEnv, statementLinkEnv, statementPortEnv } from './common-env';
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

  it('binds every server to all interfaces unless told a host, and refuses what is not one', () => {
    const servers = { ...commonEnv(9000), ...grpcEnv(50051), ...statementPortEnv() };
    expect(loadEnv(servers, {})).toMatchObject({
      HTTP_HOST: '0.0.0.0',
      GRPC_HOST: '0.0.0.0',
      STATEMENT_HOST: '0.0.0.0',
    });
    expect(
      loadEnv(servers, { HTTP_HOST: '127.0.0.1', GRPC_HOST: '::', STATEMENT_HOST: 'pod-1.chasqui' }),
    ).toMatchObject({ HTTP_HOST: '127.0.0.1', GRPC_HOST: '::', STATEMENT_HOST: 'pod-1.chasqui' });
    const load = () => loadEnv(servers, { HTTP_HOST: '0.0.0.0:80', GRPC_HOST: 'no spaces', STATEMENT_HOST: '' });
    expect(load).toThrow(/HTTP_HOST: must be an IP address or a host name/);
    expect(load).toThrow(/GRPC_HOST: must be an IP address or a host name/);
    expect(load).toThrow(/STATEMENT_HOST: must be an IP address or a host name/);
  });

  describe('outside development, the development credentials are refused', () => {
    const service = { ...commonEnv(9000), ...adminTokenEnv(), ...statementLinkEnv() };
    const own = {
      SERVICE_TOKEN: 'a-service-token-of-our-own',
      ADMIN_TOKEN: 'an-admin-token-of-our-own',
      STATEMENT_LINK_SECRET: 'a-link-secret-of-our-own',
    };

    it.each([
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['CHASQUI_REQUIRE_SECRETS=true', { CHASQUI_REQUIRE_SECRETS: 'true' }],
    ])('with %s, naming each variable still at its default', (_why, flags) => {
      const load = () => loadEnv(service, { ...flags });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/SERVICE_TOKEN: still the development/);
      expect(load).toThrow(/ADMIN_TOKEN: still the development/);
      expect(load).toThrow(/STATEMENT_LINK_SECRET: still the development/);
      expect(() => loadEnv(service, { ...flags, ...own, ADMIN_TOKEN: 'dev-admin-token' })).toThrow(
        /^Invalid environment:\n {2}ADMIN_TOKEN: .*$/,
      );
      expect(loadEnv(service, { ...flags, ...own })).toMatchObject(own);
    });

    it("and the example Secret's CHANGE-ME placeholders too", () => {
      const load = () => loadEnv(service, { NODE_ENV: 'production', ...own, SERVICE_TOKEN: 'CHANGE-ME-service-token' });
      expect(load).toThrow(/SERVICE_TOKEN/);
    });

    it('are accepted on a developer machine, or where CHASQUI_REQUIRE_SECRETS=false says so', () => {
      expect(loadEnv(service, {}).SERVICE_TOKEN).toBe('dev-service-token');
      expect(loadEnv(service, { NODE_ENV: 'test' }).ADMIN_TOKEN).toBe('dev-admin-token');
      const local = loadEnv(service, { NODE_ENV: 'production', CHASQUI_REQUIRE_SECRETS: 'false' });
      expect(local.STATEMENT_LINK_SECRET).toBe('dev-statement-link-secret');
    });

    it('refuses a flag that is neither true nor false', () => {
      expect(() => loadEnv(service, { CHASQUI_REQUIRE_SECRETS: 'yes' })).toThrow(/CHASQUI_REQUIRE_SECRETS/);
    });

    it('a migration reads only its database, so it runs without the secrets', () => {
      expect(loadEnv(migrationEnv(), { NODE_ENV: 'production' })).toEqual({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/chasqui',
      });
    });
  });
});
