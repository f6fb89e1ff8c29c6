import { grpcServerOptions } from './grpc-options';

describe('where a gRPC server listens', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0:50051'],
    ['127.0.0.1', '127.0.0.1:50051'],
    ['::', '[::]:50051'],
    ['receivables.internal', 'receivables.internal:50051'],
  ])('on %s: %s', (host, url) => {
    expect(grpcServerOptions('receivables', host, 50051).options.url).toBe(url);
  });
});
