import type {
  sendUnaryData,
  Server,
  ServerUnaryCall,
  ServerWritableStream,
  ServiceDefinition,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';

/** The name a health check asks about for the server as a whole. */
const OVERALL = '';

type Check = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void;
type Watch = (call: ServerWritableStream<unknown, unknown>) => void;

/**
 * The standard gRPC health service (grpc.health.v1.Health, grpc-node's
 * grpc-health-check) for each gRPC service of a server and for the server as a
 * whole (""): SERVING while `ready()` says so — what the ops port's /readyz
 * answers: the edge serves, the service is not draining, its database and
 * broker answer — NOT_SERVING otherwise.
 *
 * Check asks `ready()` afresh (Checks that arrive together share one answer);
 * open Watch streams hear of a change within `watchRefreshMs`, from a refresh
 * that runs only while some Watch is open, so an idle server asks nothing.
 */
export class GrpcHealth {
  private readonly health = new HealthImplementation();
  private names: string[] = [OVERALL];
  private status: ServingStatus = 'NOT_SERVING';
  private pending?: Promise<ServingStatus>;
  private readonly watches = new Set<object>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ready: () => Promise<boolean>,
    private readonly watchRefreshMs = 5_000,
  ) {
    this.health.setStatus(OVERALL, this.status);
  }

  /** Serves grpc.health.v1.Health on `server`, for `services` (full names) and "". */
  addToServer(server: Pick<Server, 'addService'>, services: string[]): void {
    this.names = [OVERALL, ...services];
    for (const name of services) this.health.setStatus(name, this.status);
    this.health.addToServer({
      addService: (definition, handlers: UntypedServiceImplementation) => {
        const check = handlers.check as Check;
        const watch = handlers.watch as Watch;
        server.addService(definition as unknown as ServiceDefinition, {
          ...handlers,
          check: ((call, callback) => void this.refresh().then(() => check(call, callback))) satisfies Check,
          watch: ((call) => this.watch(call, watch)) satisfies Watch,
        });
      },
    });
  }

  /** Asks `ready()` and sets every name's status from its answer (one question at a time). */
  refresh(): Promise<ServingStatus> {
    this.pending ??= this.ready()
      .catch(() => false)
      .then((ready) => {
        this.pending = undefined;
        this.set(ready ? 'SERVING' : 'NOT_SERVING');
        return this.status;
      });
    return this.pending;
  }

  private set(status: ServingStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const name of this.names) this.health.setStatus(name, status);
  }

  private watch(call: ServerWritableStream<unknown, unknown>, watch: Watch): void {
    const token = {};
    this.watches.add(token);
    this.timer ??= setInterval(() => void this.refresh(), this.watchRefreshMs).unref();
    const ended = () => {
      this.watches.delete(token);
      if (this.watches.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
    call.once('cancelled', ended);
    call.once('close', ended);
    // The first message a watcher gets is the current status, not the last one seen.
    void this.refresh().then(() => {
      if (!call.cancelled) watch(call);
    });
  }
}
