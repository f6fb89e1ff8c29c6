import type { delivery } from '@chasqui/contracts';
import { timestamp } from '../grpc/to-proto';
import type { Suppression } from './suppression.entity';

export function toSuppressionProto(s: Suppression): delivery.Suppression {
  return {
    address: s.address,
    reason: s.reason,
    detail: s.detail,
    messageId: s.messageId ?? '',
    createdAt: timestamp(s.createdAt),
  };
}

/** Page tokens over the list: the last row's (created_at, address). */
export const suppressionPageToken = {
  write: (s: Suppression): string =>
    Buffer.from(JSON.stringify([s.createdAt.toISOString(), s.address])).toString('base64url'),
  read: (token: string): { createdAt: Date; address: string } | undefined => {
    try {
      const [at, address] = JSON.parse(Buffer.from(token, 'base64url').toString()) as [string, string];
      const createdAt = new Date(at);
      return typeof address === 'string' && !Number.isNaN(createdAt.getTime()) ? { createdAt, address } : undefined;
    } catch {
      return undefined;
    }
  },
};
