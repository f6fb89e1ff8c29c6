import { firstValueFrom } from 'rxjs';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';
import { settle, waitFor } from '@chasqui/testing';

jest.setTimeout(300_000);

const TODAY = '2026-11-22';
const REMINDERS = 200;

describe('the renderer killed with SIGKILL while 200 reminders are in flight', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('still delivers exactly 200 emails, none twice', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Distribuidora del Norte');
    for (let i = 0; i < REMINDERS; i++) {
      const customer = await customerWithContact(stack, apiKey, `C-${i}`, `ap${i}@cliente.mx`);
      await firstValueFrom(
        stack.receivables.createInvoice(
          {
            customerId: customer.id,
            series: 'F',
            folio: String(i),
            issueDate: isoDate(TODAY, -30),
            dueDate: isoDate(TODAY, -10),
            currency: 'MXN',
            totalMinor: String(100_00 + i),
          },
          auth,
        ),
      );
    }

    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(REMINDERS);

    await waitFor(() => stack.smtp.messages.length >= 10, 'the first emails');
    await stack.services.renderer.kill();
    const sentWhileKilled = stack.smtp.messages.length;
    expect(sentWhileKilled).toBeLessThan(REMINDERS);
    await stack.services.renderer.start();

    await waitFor(() => stack.smtp.messages.length >= REMINDERS, `${REMINDERS} emails`, 240_000);
    await settle(() => stack.smtp.messages.length, 5000);
    const ids = stack.smtp.messages.map((m) => m.messageId);
    expect(ids).toHaveLength(REMINDERS);
    expect(new Set(ids).size).toBe(REMINDERS);
  });
});
