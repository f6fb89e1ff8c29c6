import { Registry } from 'prom-client';
import type { Message } from '../messages/message.entity';
import { inboundEffects } from './inbound-effects';
import { InboundMetrics } from './inbound-metrics';

const message = {
  id: 'msg-1',
  tenantId: 'tenant-1',
  to: ['ana@cliente.mx', 'luis@cliente.mx'],
  cc: [],
  bcc: [],
} as unknown as Message;
const at = new Date('2026-12-02T12:00:00Z');

async function counted(registry: Registry): Promise<Record<string, number>> {
  const metrics = await registry.getMetricsAsJSON();
  return Object.fromEntries(
    metrics.flatMap((m) =>
      m.values.map((v) => [
        `${m.name}${Object.entries(v.labels)
          .map(([k, l]) => `{${k}=${l}}`)
          .join('')}`,
        v.value,
      ]),
    ),
  );
}

describe('what came back, counted', () => {
  it('counts a hard and a soft bounce by class, and the hard one as a suppression', async () => {
    const registry = new Registry();
    const metrics = new InboundMetrics(registry);
    const bounce = (address: string, hard: boolean) => ({
      address,
      action: 'failed' as const,
      status: hard ? '5.1.1' : '4.2.2',
      diagnostic: '',
      hard,
    });
    metrics.record(
      inboundEffects(
        message,
        {
          kind: 'bounce',
          recipients: [bounce('ana@cliente.mx', true), bounce('luis@cliente.mx', false)],
          originalMessageIds: [],
        },
        at,
        'in-1',
      ),
    );
    expect(await counted(registry)).toEqual({
      'delivery_bounces_total{class=hard}': 1,
      'delivery_bounces_total{class=soft}': 1,
      'delivery_suppressions_total{reason=hard_bounce}': 1,
      delivery_complaints_total: 0,
    });
  });

  it('counts a complaint, a promise to pay and a one-click unsubscribe with its suppressions', async () => {
    const registry = new Registry();
    const metrics = new InboundMetrics(registry);
    metrics.record(
      inboundEffects(
        message,
        { kind: 'complaint', feedbackType: 'abuse', recipients: ['ana@cliente.mx'], originalMessageIds: [] },
        at,
        'in-2',
      ),
    );
    metrics.record(
      inboundEffects(
        message,
        { kind: 'human_reply', text: 'Pago el viernes 12', promisedDate: '2026-12-12' },
        at,
        'in-3',
      ),
    );
    metrics.unsubscribedByClick(2);
    expect(await counted(registry)).toMatchObject({
      delivery_complaints_total: 1,
      'delivery_replies_total{kind=promise_to_pay}': 1,
      'delivery_unsubscribes_total{via=one-click}': 2,
      'delivery_suppressions_total{reason=unsubscribe}': 2,
    });
  });
});
