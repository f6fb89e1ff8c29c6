import { credentials, loadPackageDefinition, type Client, type ClientReadableStream } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { dirname, join } from 'node:path';
import { protoPath as HEALTH_PROTO } from 'grpc-health-check';
import { FileDescriptorProto, type IFileDescriptorProto } from 'protobufjs/ext/descriptor';

// Plain grpc-js clients built from the protos the packages ship, as grpcurl or a
// kubelet would call: nothing of Chasqui's own client in between.

type Constructor = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => Client;
const LOADER = { keepCase: true, longs: String, enums: String, defaults: true };

function serviceConstructor(protoPath: string, fullName: string, includeDirs: string[] = []): Constructor {
  let node: unknown = loadPackageDefinition(loadSync(protoPath, { ...LOADER, includeDirs }));
  for (const part of fullName.split('.')) node = (node as Record<string, unknown>)[part];
  return node as Constructor;
}

const deadline = () => Date.now() + 5_000;

export type Status = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

/** grpc.health.v1.Health, as a kubelet's gRPC probe calls it. */
export class HealthClient {
  private readonly client: Client & Record<string, (...args: unknown[]) => unknown>;

  constructor(address: string) {
    const Health = serviceConstructor(HEALTH_PROTO, 'grpc.health.v1.Health');
    this.client = new Health(address, credentials.createInsecure()) as HealthClient['client'];
  }

  /** The status of `service` ("" for the server as a whole); rejects with the call's error (NOT_FOUND for a name it does not know). */
  check(service: string): Promise<Status> {
    return new Promise((resolve, reject) =>
      this.client.check({ service }, { deadline: deadline() }, (error: Error | null, response: { status: Status }) =>
        error ? reject(error) : resolve(response.status),
      ),
    );
  }

  /** A Watch stream: every status it sends, in order. */
  watch(service: string): { statuses: Status[]; cancel: () => void } {
    const statuses: Status[] = [];
    const call = this.client.watch({ service }) as ClientReadableStream<{ status: Status }>;
    call.on('data', (response) => statuses.push(response.status));
    call.on('error', () => undefined); // CANCELLED once we cancel it
    return { statuses, cancel: () => call.cancel() };
  }

  close(): void {
    this.client.close();
  }
}

const REFLECTION_PROTO = join(
  dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);

type ReflectionResponse = {
  list_services_response?: { service: { name: string }[] };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  error_response?: { error_code: number; error_message: string };
};

/** grpc.reflection.v1.ServerReflection, as grpcurl asks it. */
export class ReflectionClient {
  private readonly client: Client & Record<string, (...args: unknown[]) => unknown>;

  constructor(address: string) {
    const Reflection = serviceConstructor(REFLECTION_PROTO, 'grpc.reflection.v1.ServerReflection');
    this.client = new Reflection(address, credentials.createInsecure()) as ReflectionClient['client'];
  }

  /** The full names of the services the server lists. */
  async services(): Promise<string[]> {
    const response = await this.ask({ list_services: '' });
    return response.list_services_response!.service.map((s) => s.name);
  }

  /** The file descriptors that declare `symbol` (and those it imports), decoded. */
  async fileContaining(symbol: string): Promise<IFileDescriptorProto[]> {
    const response = await this.ask({ file_containing_symbol: symbol });
    if (response.error_response) throw new Error(response.error_response.error_message);
    return response.file_descriptor_response!.file_descriptor_proto.map(
      (bytes) => FileDescriptorProto.decode(bytes) as unknown as IFileDescriptorProto,
    );
  }

  close(): void {
    this.client.close();
  }

  private ask(request: object): Promise<ReflectionResponse> {
    return new Promise((resolve, reject) => {
      const call = this.client.ServerReflectionInfo({ deadline: deadline() }) as NodeJS.ReadWriteStream & {
        end: () => void;
      };
      call.once('data', (response: ReflectionResponse) => {
        resolve(response);
        call.end();
      });
      call.once('error', reject);
      call.write(request as never);
    });
  }
}
