import type { Server } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { protoPath as HEALTH_PROTO } from 'grpc-health-check';

/**
 * gRPC server reflection (grpc.reflection.v1 and v1alpha, @grpc/reflection)
 * over the server's proto files and the health service, so grpcurl, Postman
 * or Evans list and describe the services and call them without the protos.
 * Loaded again with the proto's own field names (snake_case): the definition
 * the server decodes with has them in camelCase, and reflection hands out the
 * file descriptors as loaded.
 */
export function addReflection(
  server: Pick<Server, 'addService'>,
  protoPaths: string[],
  options: { includeDirs: string[] },
): void {
  const definition: PackageDefinition = {
    ...loadSync(protoPaths, { includeDirs: options.includeDirs, keepCase: true }),
    ...loadSync(HEALTH_PROTO, { keepCase: true }),
  };
  new ReflectionService(definition as ConstructorParameters<typeof ReflectionService>[0]).addToServer(server);
}
