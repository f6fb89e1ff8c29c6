/** The development values of the credentials: fine on a developer machine, known to everyone. */
export const DEV_SECRETS = {
  SERVICE_TOKEN: 'dev-service-token',
  ADMIN_TOKEN: 'dev-admin-token',
  STATEMENT_LINK_SECRET: 'dev-statement-link-secret',
  MAIL_TOKEN_SECRET: 'dev-mail-token-secret',
  SENDER_KEY_SECRET: 'dev-sender-key-secret',
} as const;

/** The example Secret in deploy/ says CHANGE-ME: copied as it is, it is no secret either. */
const PLACEHOLDER = /CHANGE-ME/i;

/**
 * Outside development a service must not start on a credential anyone can
 * read in this repository. Secrets are required when CHASQUI_REQUIRE_SECRETS
 * says so, else when NODE_ENV is production (as in the image).
 */
export function devSecretProblems(env: Record<string, unknown>): { variable: string; message: string }[] {
  const flag = env.CHASQUI_REQUIRE_SECRETS;
  const required = flag === undefined ? env.NODE_ENV === 'production' : flag === 'true';
  if (!required) return [];
  const why = flag === undefined ? 'NODE_ENV=production' : 'CHASQUI_REQUIRE_SECRETS=true';
  return Object.entries(DEV_SECRETS)
    .filter(
      ([variable, dev]) =>
        typeof env[variable] === 'string' && (env[variable] === dev || PLACEHOLDER.test(env[variable])),
    )
    .map(([variable]) => ({
      variable,
      message: `still the development or example value; set a secret of your own (required with ${why})`,
    }));
}
