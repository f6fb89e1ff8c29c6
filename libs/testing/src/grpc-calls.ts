import type { ServiceError } from '@grpc/grpc-js';
import { firstValueFrom, type Observable } from 'rxjs';

/** The answer of a unary call made through an Observable client. */
export const call = <T>(observable: Observable<T>): Promise<T> => firstValueFrom(observable);

/** The error a call must fail with; a call that succeeds fails the test. */
export async function failure(observable: Observable<unknown>): Promise<ServiceError> {
  try {
    await firstValueFrom(observable);
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('the call succeeded');
}
