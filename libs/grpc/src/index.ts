export { grpcServerOptions, LOADER_OPTIONS } from './grpc-options';
export {
  grpcClient,
  callDeadlines,
  DEFAULT_DEADLINES,
  ROUND_ROBIN_SERVICE_CONFIG,
  type CallDeadlines,
} from './grpc-client';
export { isTransientGrpcError } from './transient-error';
export { apiKeyMetadata, serviceMetadata } from './credentials';
export { TenantAuth } from './tenant-auth';
export { DomainErrorFilter, toStatusError } from './domain-error.filter';
export { rpcError, readBadRequest } from './rpc-error';
export { parseRequest } from './parse-request';
export { ParseRequestPipe } from './parse-request.pipe';
export { TenantGuard, ServiceOnlyGuard } from './tenant.guard';
export { AdminGuard } from './admin.guard';
export { Tenant, TenantCommand, RequestCommand } from './tenant.decorator';
export { startGrpcService } from './start-grpc-service';
export { GrpcServerMetrics, GrpcClientMetrics, grpcClientMetrics } from './grpc-metrics';
export { GrpcHealth } from './grpc-health';
export { remoteTenantAuth } from './remote-tenant-auth';
export { asMessagingFailure } from './grpc-failure';
export { AdminAuth, ADMIN_TOKEN_HEADER } from './admin-auth';
