import { commonEnv, DEV_SECRETS, grpcClientEnv, grpcEnv, loadEnv } from '@chasqui/config';
import { z } from 'zod';

export const deliveryEnv = {
  ...commonEnv(9464),
  ...grpcEnv(50054),
  RECEIVABLES_URL: z.string().default('127.0.0.1:50051'),
  ...grpcClientEnv(),
  SMTP_URL: z.url().default('smtp://127.0.0.1:1025'),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  /** Connecting, the greeting, and silence on an open connection (e.g. awaiting the answer to the final dot). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * How long a claim on a message outlives the process sending it (renewed
   * while the transaction runs): after a crash, its job is sent again this
   * long after. A job redelivered meanwhile waits.
   */
  SMTP_CLAIM_LEASE_MS: z.coerce.number().int().min(5000).default(30_000),
  MAIL_FROM: z.string().min(3).default('Chasqui <cobranza@chasqui.local>'),
  /** The right-hand side of every Message-ID we mint. */
  MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
    .default('chasqui.local'),
  /** Where bounces come back: Return-Path is bounce+<token>@ this domain (its MX points at the inbound port). */
  BOUNCE_DOMAIN: domain('bounces.chasqui.local'),
  /** Where people answer and unsubscribe by mail: reply+<token>@, unsubscribe+<token>@ this domain. */
  REPLY_DOMAIN: domain('replies.chasqui.local'),
  /** Signs the tokens in those addresses and in unsubscribe links. */
  MAIL_TOKEN_SECRET: z.string().min(16).default(DEV_SECRETS.MAIL_TOKEN_SECRET),
  /** How long a bounce, reply or unsubscribe token is honoured after its message was sent. */
  MAIL_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Encrypts tenants' DKIM private keys at rest (AES-256-GCM, key derived from this). */
  SENDER_KEY_SECRET: z.string().min(16).default(DEV_SECRETS.SENDER_KEY_SECRET),
  /** The inbound SMTP server: bounces, complaints, replies. Only BOUNCE_DOMAIN and REPLY_DOMAIN are accepted. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  INBOUND_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  /** Larger messages are refused with 552 (announced in EHLO SIZE; what comes past it is dropped, not held). */
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(20 * 1024 * 1024),
  /** PEM files: with both set, the inbound server offers STARTTLS. */
  INBOUND_TLS_KEY_FILE: z.string().optional(),
  INBOUND_TLS_CERT_FILE: z.string().optional(),
  /** The customer-facing port for one-click unsubscribe (RFC 8058). */
  UNSUBSCRIBE_PORT: z.coerce.number().int().min(1).max(65535).default(9474),
  UNSUBSCRIBE_HOST: z.string().min(1).default('0.0.0.0'),
  /** That port as the outside world reaches it (https in production), for List-Unsubscribe. */
  UNSUBSCRIBE_BASE: z.url().default('http://127.0.0.1:9474'),
};

function domain(fallback: string) {
  return z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain name')
    .default(fallback);
}

export type DeliveryEnv = ReturnType<typeof loadDeliveryEnv>;
export const loadDeliveryEnv = () => loadEnv(deliveryEnv);
