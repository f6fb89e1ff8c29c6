import { Client, credentials, Metadata, type ClientWritableStream, type ServiceError } from '@grpc/grpc-js';
import { grpcPackages, type GrpcPackage } from '@chasqui/contracts';
import { CallFailed } from './call-error';

/** A ts-proto message's wire codec. */
export interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/** The credential a call carries: a tenant's API key or the operator's admin token. */
export type Credential = { apiKey: string } | { adminToken: string };

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * A plain grpc-js client of one Chasqui service, speaking its messages with
 * the ts-proto codecs of @chasqui/contracts. Every call carries a deadline.
 */
export class ServiceClient {
  private readonly client: Client;
  private readonly prefix: string;

  constructor(
    pkg: GrpcPackage,
    address: string,
    private readonly credential: Credential,
    private readonly deadlineMs: number,
    /** How failures name the service (the port's owner, for a package every service serves). */
    private readonly label: string = pkg,
  ) {
    const { package: packageName, service } = grpcPackages[pkg];
    this.prefix = `/${packageName}.${service}/`;
    this.client = new Client(address, credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    });
  }

  unary<Req, Res>(method: string, requestCodec: Codec<Req>, responseCodec: Codec<Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        this.prefix + method,
        serialize(requestCodec),
        (buffer: Buffer) => responseCodec.decode(buffer),
        request,
        this.metadata(),
        { deadline: Date.now() + this.deadlineMs },
        (error: ServiceError | null, response?: Res) =>
          error ? reject(new CallFailed(this.label, error)) : resolve(response!),
      );
    });
  }

  /**
   * A client stream: `produce` writes the messages (awaiting `write` keeps to
   * the channel's pace); the answer comes once it returns and the stream ends.
   */
  async clientStream<Req, Res>(
    method: string,
    requestCodec: Codec<Req>,
    responseCodec: Codec<Res>,
    deadlineMs: number,
    produce: (write: (message: Req) => Promise<void>) => Promise<void>,
  ): Promise<Res> {
    let call!: ClientWritableStream<Req>;
    const answer = new Promise<Res>((resolve, reject) => {
      call = this.client.makeClientStreamRequest(
        this.prefix + method,
        serialize(requestCodec),
        (buffer: Buffer) => responseCodec.decode(buffer),
        this.metadata(),
        { deadline: Date.now() + deadlineMs },
        (error: ServiceError | null, response?: Res) =>
          error ? reject(new CallFailed(this.label, error)) : resolve(response!),
      );
    });
    // Handled here so an early failure is not an unhandled rejection; awaited below.
    answer.catch(() => undefined);
    // A full buffer waits for 'drain', or for the call's failure (no drain ever comes then).
    const write = async (message: Req): Promise<void> => {
      if (call.write(message)) return;
      await Promise.race([new Promise((resolve) => call.once('drain', resolve)), answer]);
    };
    try {
      await produce(write);
    } catch (error) {
      call.cancel();
      await answer.catch(() => undefined);
      throw error;
    }
    call.end();
    return answer;
  }

  close(): void {
    this.client.close();
  }

  private metadata(): Metadata {
    const metadata = new Metadata();
    if ('apiKey' in this.credential) metadata.set('x-api-key', this.credential.apiKey);
    else metadata.set('x-admin-token', this.credential.adminToken);
    return metadata;
  }
}

const serialize =
  <T>(codec: Codec<T>) =>
  (message: T): Buffer =>
    Buffer.from(codec.encode(message).finish());
