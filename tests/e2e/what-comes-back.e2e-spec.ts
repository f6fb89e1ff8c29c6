import { delivery, scheduler } from '@chasqui/contracts';
import { dsnFor, replyTo, sendRaw, waitFor } from '@chasqui/testing';
import type { ParsedMail } from 'mailparser';
import { firstValueFrom } from 'rxjs';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';
import { Stack } from './support/stack';

jest.setTimeout(240_000);

/** Today in Mexico City: replies pause from the moment they arrive, so the calendar here is the real one. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());

/**
 * §7 end to end, four services as processes: reminders go out, and what comes
 * back to delivery's inbound SMTP port changes what the next cycle does — a
 * hard bounce makes the contact undeliverable in receivables, a person's
 * reply pauses the customer (and reaches the tenant's reply-to list), an
 * out-of-office changes nothing, and a one-click unsubscribe keeps the next
 * reminder from that address.
 */
describe('what comes back changes the next cycle', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('bounce → no_deliverable_contact; reply → paused and forwarded; out-of-office → nothing; unsubscribe → suppressed', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Ferretería La Paloma');
    await firstValueFrom(
      stack.delivery.updateSenderSettings(
        {
          settings: {
            fromName: 'Ferretería La Paloma',
            fromAddress: 'cobranza@lapaloma.mx',
            replyTo: 'finanzas@lapaloma.mx, tesoreria@lapaloma.mx',
            dkim: undefined,
            maxPerMinute: 0,
            dkimKeyStored: false,
            isDefault: false,
          },
          keepDkimKey: false,
        },
        auth,
      ),
    );
    const people = {
      bounce: 'noexiste@cliente.mx',
      reply: 'pagos@responde.mx',
      ooo: 'vacaciones@cliente.mx',
      unsubscribe: 'baja@cliente.mx',
    };
    const customers: Record<string, string> = {};
    for (const [key, email] of Object.entries(people)) {
      const customer = await customerWithContact(stack, apiKey, `C-${key}`, email);
      customers[key] = customer.id;
      await firstValueFrom(
        stack.receivables.createInvoice(
          {
            customerId: customer.id,
            series: 'A',
            folio: key,
            issueDate: isoDate(TODAY, -40),
            dueDate: isoDate(TODAY, -10),
            currency: 'MXN',
            totalMinor: '500000',
          },
          auth,
        ),
      );
    }

    const first = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(first.queued).toBe(4);
    await waitFor(() => stack.smtp.messages.length === 4, 'four reminders');
    const sentTo = (address: string) => {
      const i = stack.smtp.envelopes.findIndex((rcpts) => rcpts.includes(address));
      return { mail: stack.smtp.messages[i], bounce: stack.smtp.senders[i] };
    };
    const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
    const replyAddress = (mail: ParsedMail) => (mail.replyTo?.value[0]?.address ?? '') as string;
    expect(sentTo(people.reply).mail.from?.value[0]).toMatchObject({ address: 'cobranza@lapaloma.mx' });

    // A hard bounce at the VERP address.
    const bounced = sentTo(people.bounce);
    const inbound = (to: string, raw: string, from = '') =>
      sendRaw(stack.inboundPort, { from, to: [to] }, raw).then((a) => expect(a).toMatchObject({ accepted: true }));
    await inbound(
      bounced.bounce,
      dsnFor({
        to: bounced.bounce,
        recipient: people.bounce,
        status: '5.1.1',
        diagnostic: `550 5.1.1 <${people.bounce}>: Recipient address rejected: User unknown in virtual mailbox table`,
        messageId: bounced.mail.messageId!,
      }),
    );

    // A person answers, promising nothing in particular; another is away.
    const answered = sentTo(people.reply).mail;
    await inbound(
      replyAddress(answered),
      replyTo({
        from: `Juan Pérez <${people.reply}>`,
        to: replyAddress(answered),
        inReplyTo: answered.messageId!,
        text: 'Buen día, ya estamos revisando la factura con el área de pagos.',
      }),
      people.reply,
    );
    const away = sentTo(people.ooo).mail;
    await inbound(
      replyAddress(away),
      replyTo({
        from: people.ooo,
        to: replyAddress(away),
        inReplyTo: away.messageId!,
        subject: 'Fuera de la oficina: Recordatorio de pago',
        text: 'Estaré fuera de la oficina hasta el lunes.',
        extra: ['Auto-Submitted: auto-replied'],
      }),
    );

    // One click on the List-Unsubscribe URL.
    const url = /<(https?:[^>]+)>/.exec(header(sentTo(people.unsubscribe).mail, 'list-unsubscribe'))![1];
    const post = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(post.status).toBe(200);

    // The reply reaches the tenant's people, the customer's email attached.
    await waitFor(
      () => stack.smtp.envelopes.some((rcpts) => rcpts.includes('finanzas@lapaloma.mx')),
      'the reply forwarded',
    );
    const forwarded = stack.smtp.messages[stack.smtp.envelopes.findIndex((r) => r.includes('finanzas@lapaloma.mx'))];
    expect(stack.smtp.envelopes.find((r) => r.includes('finanzas@lapaloma.mx'))).toEqual([
      'finanzas@lapaloma.mx',
      'tesoreria@lapaloma.mx',
    ]);
    expect(forwarded.text).toContain('ya estamos revisando la factura');
    // The customer's whole email travels as message/rfc822 (mailparser shows it inline), quoted history and all.
    expect(forwarded.text).toContain('su factura F-1 venció hace 5 días');

    // Everything that came back is in the activity log.
    const timeline = async (key: string) => {
      const { messages } = await firstValueFrom(
        stack.delivery.listActivity({ customerId: customers[key], invoiceId: '', pageSize: 0, pageToken: '' }, auth),
      );
      return messages.flatMap((m) => m.timeline.map((step) => step.kind));
    };
    await waitFor(async () => (await timeline('bounce')).includes(delivery.EventKind.EVENT_KIND_BOUNCED), 'bounce');
    await waitFor(async () => (await timeline('reply')).includes(delivery.EventKind.EVENT_KIND_REPLIED), 'reply');
    await waitFor(async () => (await timeline('ooo')).includes(delivery.EventKind.EVENT_KIND_AUTO_REPLIED), 'away');
    expect(await timeline('unsubscribe')).toContain(delivery.EventKind.EVENT_KIND_UNSUBSCRIBED);

    // Five days later: the bounce reached receivables, the reply paused its customer.
    const occurrence = async (key: string) => {
      const { occurrences } = await firstValueFrom(
        stack.scheduler.listOccurrences({ customerId: customers[key], ruleId: '', pageSize: 0, pageToken: '' }, auth),
      );
      return occurrences.find((o) => o.localDate === isoDate(TODAY, 5));
    };
    const later = noonInMexicoCity(isoDate(TODAY, 5));
    // The preview decides nothing: wait until it shows both, then run the cycle once.
    await waitFor(async () => {
      const preview = await firstValueFrom(stack.scheduler.previewRun({ asOf: later }, auth));
      const reasons = preview.notSent.map((r) => r.reason);
      return reasons.includes('no_deliverable_contact') && reasons.includes('paused');
    }, 'the bounce and the reply to reach the scheduler');
    expect((await firstValueFrom(stack.scheduler.runCycle({ asOf: later }, auth))).queued).toBe(2);
    expect(await occurrence('bounce')).toMatchObject({ status: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED });
    expect(await occurrence('reply')).toMatchObject({
      status: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED,
      reason: 'paused',
    });
    expect(await occurrence('ooo')).toMatchObject({ status: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED });
    expect(await occurrence('unsubscribe')).toMatchObject({
      status: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
    });

    // Only the out-of-office customer hears from us again; the unsubscribed address is kept out by delivery.
    await waitFor(async () => {
      const { messages } = await firstValueFrom(
        stack.delivery.listActivity(
          { customerId: customers.unsubscribe, invoiceId: '', pageSize: 0, pageToken: '' },
          auth,
        ),
      );
      return messages.some((m) => m.status === delivery.MessageStatus.MESSAGE_STATUS_SUPPRESSED);
    }, 'the reminder to the unsubscribed address suppressed');
    // …and the scheduler hears of it: the occurrence says it was not sent, and why.
    await waitFor(
      async () => (await occurrence('unsubscribe'))?.outcome === scheduler.DeliveryOutcome.DELIVERY_OUTCOME_SUPPRESSED,
      'the suppressed outcome at the scheduler',
    );
    expect((await occurrence('unsubscribe'))?.reason).toMatch(/suppression list/);
    await waitFor(
      () => stack.smtp.envelopes.filter((r) => r.includes(people.ooo)).length === 2,
      'the second reminder to the customer who was away',
    );
    for (const address of [people.bounce, people.reply, people.unsubscribe]) {
      expect([address, stack.smtp.envelopes.filter((r) => r.includes(address)).length]).toEqual([address, 1]);
    }
  });
});
