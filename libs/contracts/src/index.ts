// Everything services share about each other: generated from proto/ (see src/gen,
// never edited by hand), plus where the .proto files live and the names of the
// messages that travel over RabbitMQ.
export * as receivables from './gen/chasqui/receivables/v1/receivables';
export * as scheduler from './gen/chasqui/scheduler/v1/scheduler';
export * as renderer from './gen/chasqui/renderer/v1/renderer';
export * as delivery from './gen/chasqui/delivery/v1/delivery';
export * as operations from './gen/chasqui/operations/v1/operations';
export * as googleRpc from './gen/google/rpc/error_details';
export { Status as RpcStatus } from './gen/google/rpc/status';
export { Timestamp } from './gen/google/protobuf/timestamp';
export { PROTO_ROOT, grpcPackages, type GrpcPackage } from './proto-files';
export { Exchanges, RoutingKeys, MessageTypes } from './message-names';
