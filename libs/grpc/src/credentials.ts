import { Metadata } from '@grpc/grpc-js';

export const API_KEY_HEADER = 'x-api-key';
export const SERVICE_TOKEN_HEADER = 'x-service-token';
export const TENANT_HEADER = 'x-tenant-id';

/** A tenant's own call: its API key. */
export function apiKeyMetadata(apiKey: string): Metadata {
  const metadata = new Metadata();
  metadata.set(API_KEY_HEADER, apiKey);
  return metadata;
}

/** A service acting on a tenant's behalf: the shared service identity plus the tenant. */
export function serviceMetadata(serviceToken: string, tenantId: string, traceparent?: string): Metadata {
  const metadata = new Metadata();
  metadata.set(SERVICE_TOKEN_HEADER, serviceToken);
  metadata.set(TENANT_HEADER, tenantId);
  if (traceparent) metadata.set('traceparent', traceparent);
  return metadata;
}
