import { status, type Metadata } from '@grpc/grpc-js';
import { timingSafeEqual } from 'node:crypto';
import { API_KEY_HEADER, SERVICE_TOKEN_HEADER, TENANT_HEADER } from './credentials';
import { rpcError } from './rpc-error';

const CACHE_MS = 30_000;

/**
 * Resolves the tenant of a call from its metadata: a tenant's API key, or the
 * service identity naming a tenant. Anything else is UNAUTHENTICATED.
 */
export class TenantAuth {
  private readonly cache = new Map<string, { tenantId: string; until: number }>();

  constructor(
    private readonly serviceToken: string,
    private readonly resolveApiKey: (apiKey: string) => Promise<string | undefined>,
  ) {}

  async tenantOf(metadata: Metadata): Promise<string> {
    if (this.isService(metadata)) {
      const tenantId = first(metadata, TENANT_HEADER);
      if (tenantId) return tenantId;
      throw rpcError(status.INVALID_ARGUMENT, `metadata ${TENANT_HEADER} is required for service calls`);
    }
    const apiKey = first(metadata, API_KEY_HEADER);
    if (!apiKey) throw rpcError(status.UNAUTHENTICATED, `metadata ${API_KEY_HEADER} is missing`);
    const cached = this.cache.get(apiKey);
    if (cached && cached.until > Date.now()) return cached.tenantId;
    const tenantId = await this.resolveApiKey(apiKey);
    if (!tenantId) throw rpcError(status.UNAUTHENTICATED, 'the API key is not valid');
    this.cache.set(apiKey, { tenantId, until: Date.now() + CACHE_MS });
    return tenantId;
  }

  /** Internal-only calls accept nothing but the service identity. */
  requireService(metadata: Metadata): void {
    if (!this.isService(metadata)) throw rpcError(status.PERMISSION_DENIED, 'this call is for Chasqui services only');
  }

  private isService(metadata: Metadata): boolean {
    const token = first(metadata, SERVICE_TOKEN_HEADER);
    if (!token) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(this.serviceToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function first(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
