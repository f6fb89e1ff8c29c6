import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** "a@x.mx, b@x.mx; c@x.mx" as finance teams type it: each address checked, duplicates dropped. */
const addressList = z
  .string()
  .transform((text) => [...new Set(text.split(/[,;\s]+/).filter(Boolean))])
  .pipe(z.array(z.email('each address must be a valid email address')).max(10, 'at most 10 addresses'));

/** A PEM private key Node can sign with: RSA (≥ 1024 bits) or Ed25519, as DKIM allows. */
const privateKeyPem = z.string().refine((pem) => {
  if (pem === '') return true;
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return true;
    return key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 1024;
  } catch {
    return false;
  }
}, 'must be a PEM private key, RSA of at least 1024 bits or Ed25519');

export const updateSenderSettingsCommand = z
  .object({
    tenantId: z.string(),
    keepDkimKey: z.boolean(),
    settings: z.object(
      {
        fromName: z.string().trim().min(1, 'required').max(100).refine(noLineBreaks, 'must be one line'),
        fromAddress: z.email('must be a valid email address'),
        replyTo: addressList,
        dkim: z
          .object({
            domain: z.string().regex(DOMAIN, 'must be a domain name'),
            selector: z
              .string()
              .regex(/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*$/i, 'must be a DKIM selector'),
            privateKeyPem,
          })
          .nullish()
          .transform((dkim) => dkim ?? undefined),
        maxPerMinute: z.number().int().min(0, 'must be 0 (no limit) or more').max(100_000),
      },
      'required',
    ),
  })
  .superRefine((command, ctx) => {
    const dkim = command.settings.dkim;
    if (dkim && dkim.privateKeyPem === '' && !command.keepDkimKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['settings', 'dkim', 'privateKeyPem'],
        message: 'required, unless keep_dkim_key keeps the key already stored',
      });
    }
  });

export type UpdateSenderSettingsCommand = z.infer<typeof updateSenderSettingsCommand>;
