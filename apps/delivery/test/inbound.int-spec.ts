import type { Metadata } from '@grpc/grpc-js';
import { delivery, RoutingKeys } from '@chasqui/contracts';
import { dsnFor, replyTo, sendRaw, waitFor, type ReceivedMail } from '@chasqui/testing';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { DeliveryStack } from './support/delivery-stack';
import { returnAddressesOf } from './support/inbound-mail';

/**
 * Everything that comes back (§7), through delivery's inbound SMTP port with
 * a real SMTP client: bounces, replies, out-of-office answers and
 * unsubscribes, each tied to the reminder it is about, and what each changes.
 */
describe('delivery: what comes back', () => {
  const stack = new DeliveryStack();
  let tenant: { id: string; auth: Metadata };
  let other: { id: string; auth: Metadata };

  beforeAll(async () => {
    // STARTTLS offered with the test's own certificate; the plain sessions below just do not take it.
    const fixture = (name: string) => join(__dirname, 'fixtures', name);
    await stack.start({
      INBOUND_TLS_KEY_FILE: fixture('inbound-tls.key'),
      INBOUND_TLS_CERT_FILE: fixture('inbound-tls.crt'),
    });
    [tenant, other] = [await stack.tenant(), await stack.tenant()];
  }, 180_000);

  afterAll(() => stack.stop(), 60_000);

  /** Sends a reminder to `to` and returns it as the SMTP server received it, with its row. */
  async function sent(to: string, who = tenant) {
    const occurrenceId = await stack.sendJob(who.id, to);
    await waitFor(async () => (await stack.message(occurrenceId))?.status === 'sent', `reminder to ${to} sent`);
    const row = await stack.message(occurrenceId);
    const mail = stack.smtp.accepted.find((m) => m.messageId === row.message_id) as ReceivedMail;
    return { occurrenceId, row, mail, back: returnAddressesOf(mail) };
  }

  const inbound = (to: string[], raw: string | Buffer, from = '') => sendRaw(stack.inboundPort, { from, to }, raw);

  async function inboundRow(where: string, params: unknown[]) {
    let row: Record<string, unknown> | undefined;
    await waitFor(async () => {
      row = (await stack.sql.query(`select * from delivery.inbound_emails where ${where}`, params)).rows[0];
      return !!row && row.state !== 'received';
    }, `an inbound email read where ${where}`);
    return row!;
  }

  const activity = (customerId: string, who = tenant) =>
    firstValueFrom(stack.delivery.listActivity({ customerId, invoiceId: '', pageSize: 0, pageToken: '' }, who.auth));

  it('a reminder names its message in a VERP Return-Path, a tokenised Reply-To and List-Unsubscribe (RFC 8058)', async () => {
    const { mail, back } = await sent('pagos@cliente.example');
    expect(back.bounce).toMatch(/^bounce\+[a-z2-7]{40,60}@bounces\.int\.example$/);
    expect(back.replyTo).toMatch(/^reply\+[a-z2-7]{40,60}@replies\.int\.example$/);
    expect(back.unsubscribeMailto).toMatch(/^unsubscribe\+[a-z2-7]+@replies\.int\.example$/);
    expect(back.unsubscribeUrl).toMatch(
      new RegExp(`^http://127.0.0.1:${stack.unsubscribePort}/unsubscribe/[a-z2-7]+$`),
    );
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('a hard bounce at the VERP address suppresses the address, reaches receivables, and the next reminder is not sent to it', async () => {
    const { occurrenceId, row, back } = await sent('noexiste@cliente.example');
    const answer = await inbound(
      [back.bounce],
      dsnFor({
        to: back.bounce,
        recipient: 'noexiste@cliente.example',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <noexiste@cliente.example>: Recipient address rejected: User unknown',
        messageId: row.message_id,
      }),
    );
    expect(answer).toMatchObject({ accepted: true, code: 250 });
    const email = await inboundRow('message_id = $1', [row.id]);
    expect(email).toMatchObject({
      state: 'classified',
      kind: 'bounce',
      matched_by: 'bounce_token',
      tenant_id: tenant.id,
    });
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageBounced), 'the bounced event');
    const event = stack.events.find(
      (e) => e.routingKey === RoutingKeys.messageBounced && e.occurrenceId === occurrenceId,
    )!;
    expect(delivery.MessageBounced.decode(event.body)).toMatchObject({
      tenantId: tenant.id,
      recipient: 'noexiste@cliente.example',
      permanent: true,
      status: '5.1.1',
    });
    const { suppressions } = await firstValueFrom(
      stack.delivery.listSuppressions({ address: 'noexiste@cliente.example', pageSize: 0, pageToken: '' }, tenant.auth),
    );
    expect(suppressions).toEqual([expect.objectContaining({ reason: 'hard_bounce', messageId: row.id })]);

    const next = await stack.sendJob(tenant.id, 'noexiste@cliente.example');
    await waitFor(async () => (await stack.message(next))?.status === 'suppressed', 'the next reminder suppressed');
    expect(stack.smtp.accepted.filter((m) => m.to.includes('noexiste@cliente.example'))).toHaveLength(1);

    // Another tenant sends to the same address: its list is its own.
    const theirs = await sent('noexiste@cliente.example', other);
    expect(theirs.row.status).toBe('sent');
  });

  it('a person’s reply is recorded with its new text and promise, published, and forwarded to the reply-to list', async () => {
    await firstValueFrom(
      stack.delivery.updateSenderSettings(
        {
          settings: {
            fromName: 'Ferretería La Paloma',
            fromAddress: 'cobranza@lapaloma.example',
            replyTo: 'finanzas@lapaloma.example; tesoreria@lapaloma.example',
            dkim: undefined,
            maxPerMinute: 0,
            dkimKeyStored: false,
            isDefault: false,
          },
          keepDkimKey: false,
        },
        tenant.auth,
      ),
    );
    const { occurrenceId, row, mail, back } = await sent('pagos@cliente.example');
    expect(mail.raw).toMatch(/^From: =?[^\r\n]*<cobranza@lapaloma\.example>/m);
    const answer = await inbound(
      [back.replyTo],
      replyTo({
        from: 'Juan Pérez <pagos@cliente.example>',
        to: back.replyTo,
        inReplyTo: row.message_id,
        text: 'Buenas tardes, le pagamos el 15 de diciembre sin falta.',
      }),
      'pagos@cliente.example',
    );
    expect(answer.accepted).toBe(true);
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageReplied), 'the replied event');
    const event = stack.events.find(
      (e) => e.routingKey === RoutingKeys.messageReplied && e.occurrenceId === occurrenceId,
    )!;
    const replied = delivery.MessageReplied.decode(event.body);
    expect(replied).toMatchObject({ kind: 'REPLY_KIND_PROMISE_TO_PAY', from: 'pagos@cliente.example' });
    expect(replied.promisedDate).toMatch(/^\d{4}-12-15$/);
    expect(replied.text).toContain('le pagamos el 15 de diciembre');
    expect(replied.text).not.toContain('escribió');

    await waitFor(
      () => stack.smtp.accepted.some((m) => m.to.includes('finanzas@lapaloma.example')),
      'the reply forwarded',
    );
    const forwarded = stack.smtp.accepted.find((m) => m.to.includes('finanzas@lapaloma.example'))!;
    expect(forwarded.to).toEqual(['finanzas@lapaloma.example', 'tesoreria@lapaloma.example']);
    expect(forwarded.raw).toMatch(/Content-Type: message\/rfc822/);
    expect(forwarded.raw).toMatch(/^Reply-To: .*pagos@cliente\.example/m);

    const customerId = (await stack.sql.query('select customer_id from delivery.messages where id = $1', [row.id]))
      .rows[0].customer_id as string;
    const { messages } = await activity(customerId);
    const timeline = messages[0].timeline.map((step) => step.kind);
    expect(timeline).toEqual(['EVENT_KIND_QUEUED', 'EVENT_KIND_SENT', 'EVENT_KIND_REPLIED']);
    expect(messages[0].timeline[2].detail).toContain('le pagamos');

    const got = await firstValueFrom(stack.delivery.getMessage({ id: row.id }, tenant.auth));
    expect(got.inbound).toHaveLength(1);
    expect(got.headers['Return-Path']).toBe(`<${back.bounce}>`);
    await expect(firstValueFrom(stack.delivery.getMessage({ id: row.id }, other.auth))).rejects.toMatchObject({
      code: 5,
    });
  });

  it('an out-of-office answer is recorded and published as an auto-reply, nothing more', async () => {
    const { occurrenceId, row, back } = await sent('vacaciones@cliente.example');
    await inbound(
      [back.replyTo],
      replyTo({
        from: 'vacaciones@cliente.example',
        to: back.replyTo,
        inReplyTo: row.message_id,
        subject: 'Respuesta automática: Recordatorio',
        text: 'Estoy fuera de la oficina hasta el 5 de enero.',
        extra: ['Auto-Submitted: auto-replied'],
      }),
    );
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageReplied), 'the replied event');
    const event = stack.events.find(
      (e) => e.routingKey === RoutingKeys.messageReplied && e.occurrenceId === occurrenceId,
    )!;
    expect(delivery.MessageReplied.decode(event.body).kind).toBe('REPLY_KIND_AUTO_REPLY');
  });

  it('one-click unsubscribe (POST) suppresses the recipient; GET only asks; the suppression can be lifted', async () => {
    const { occurrenceId, back } = await sent('baja@cliente.example');
    const page = await fetch(back.unsubscribeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const listed = () =>
      firstValueFrom(
        stack.delivery.listSuppressions({ address: 'baja@cliente.example', pageSize: 0, pageToken: '' }, tenant.auth),
      );
    expect((await listed()).suppressions).toHaveLength(0);

    const post = () =>
      fetch(back.unsubscribeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect((await listed()).suppressions).toEqual([expect.objectContaining({ reason: 'unsubscribe' })]);
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageUnsubscribed), 'unsubscribed');
    expect(stack.eventsFor(occurrenceId).filter((k) => k === RoutingKeys.messageUnsubscribed)).toHaveLength(1);

    await firstValueFrom(stack.delivery.liftSuppression({ address: 'baja@cliente.example' }, tenant.auth));
    expect((await listed()).suppressions).toHaveLength(0);
    await expect(
      firstValueFrom(stack.delivery.liftSuppression({ address: 'baja@cliente.example' }, tenant.auth)),
    ).rejects.toMatchObject({ code: 5 });
    expect((await fetch(`${back.unsubscribeUrl.slice(0, -4)}aaaa`, { method: 'POST' })).status).toBe(404);
  });

  it('an unsubscribe by mail (the List-Unsubscribe mailto) suppresses the sender among the recipients', async () => {
    const { occurrenceId, back } = await sent('correo-baja@cliente.example');
    await inbound(
      [back.unsubscribeMailto],
      'From: correo-baja@cliente.example\r\nTo: ' + back.unsubscribeMailto + '\r\nSubject: unsubscribe\r\n\r\n\r\n',
      'correo-baja@cliente.example',
    );
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageUnsubscribed), 'unsubscribed');
    const { suppressions } = await firstValueFrom(
      stack.delivery.listSuppressions(
        { address: 'correo-baja@cliente.example', pageSize: 0, pageToken: '' },
        tenant.auth,
      ),
    );
    expect(suppressions).toEqual([expect.objectContaining({ reason: 'unsubscribe' })]);
    await firstValueFrom(stack.delivery.liftSuppression({ address: 'correo-baja@cliente.example' }, tenant.auth));
  });

  it('a complaint (ARF) quoting the reminder suppresses its recipient and is published', async () => {
    const { occurrenceId, row } = await sent('queja@cliente.example');
    const arf = [
      'From: feedback@fbl.cliente.example',
      'To: fbl@bounces.int.example',
      'Subject: Abuse report',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="arf"',
      '',
      '--arf',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '--arf',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: FBL/1.0',
      'Version: 1',
      'Original-Rcpt-To: queja@cliente.example',
      '',
      '--arf',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${row.message_id}`,
      'To: queja@cliente.example',
      'Subject: Recordatorio: factura F-1 vencida',
      '',
      '--arf--',
      '',
    ].join('\r\n');
    expect((await inbound(['fbl@bounces.int.example'], arf)).accepted).toBe(true);
    await waitFor(() => stack.eventsFor(occurrenceId).includes(RoutingKeys.messageComplained), 'complained');
    const event = stack.events.find(
      (e) => e.routingKey === RoutingKeys.messageComplained && e.occurrenceId === occurrenceId,
    )!;
    expect(delivery.MessageComplained.decode(event.body)).toMatchObject({
      recipient: 'queja@cliente.example',
      feedbackType: 'abuse',
    });
    const { suppressions } = await firstValueFrom(
      stack.delivery.listSuppressions({ address: 'queja@cliente.example', pageSize: 0, pageToken: '' }, tenant.auth),
    );
    expect(suppressions).toEqual([expect.objectContaining({ reason: 'complaint' })]);
    await firstValueFrom(stack.delivery.liftSuppression({ address: 'queja@cliente.example' }, tenant.auth));
  });

  it('counts it all for the tenant’s dashboard, and nothing of another tenant’s', async () => {
    const stats = await firstValueFrom(
      stack.delivery.getDeliveryStats({ from: undefined, to: undefined }, tenant.auth),
    );
    expect(stats).toMatchObject({
      bouncedHard: '1',
      promisesToPay: '1',
      autoReplies: '1',
      unsubscribes: '2',
      complaints: '1',
      suppressedAddresses: '1',
    });
    expect(Number(stats.sent)).toBeGreaterThanOrEqual(5);
    const theirs = await firstValueFrom(
      stack.delivery.getDeliveryStats({ from: undefined, to: undefined }, other.auth),
    );
    expect(theirs).toMatchObject({ bouncedHard: '0', promisesToPay: '0', suppressedAddresses: '0' });
    const at = (iso: string) => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });
    await expect(
      firstValueFrom(
        stack.delivery.getDeliveryStats(
          { from: at('2026-12-02T00:00:00Z'), to: at('2026-12-01T00:00:00Z') },
          tenant.auth,
        ),
      ),
    ).rejects.toMatchObject({ code: 3, details: expect.stringContaining('to') });
  });

  describe('bad input: a clear SMTP answer or an unmatched record, never a crash', () => {
    it('offers STARTTLS when a certificate is configured', async () => {
      const answer = await sendRaw(
        stack.inboundPort,
        { from: '', to: ['postmaster@replies.int.example'] },
        'Subject: over TLS\r\n\r\nhello\r\n',
        { requireTLS: true },
      );
      expect(answer).toMatchObject({ accepted: true, secure: true });
    });

    it('refuses mail for any other domain at RCPT (no relay) and a message over the size limit with 552', async () => {
      const relay = await inbound(['someone@gmail.com'], 'Subject: hi\r\n\r\nhello\r\n');
      expect(relay).toMatchObject({ accepted: false, code: 550 });
      const huge = Buffer.alloc(30 * 1024 * 1024, 'a');
      const big = await inbound(
        ['reply@replies.int.example'],
        Buffer.concat([Buffer.from('Subject: big\r\n\r\n'), huge]),
      );
      expect(big).toMatchObject({ accepted: false, code: 552 });
    });

    it('a forged token, malformed MIME and 8-bit garbage are kept as unmatched', async () => {
      const forged = `bounce+${'a'.repeat(48)}@bounces.int.example`;
      expect((await inbound([forged], 'Subject: x\r\n\r\nhello\r\n')).accepted).toBe(true);
      const row = await inboundRow(`$1 = any(rcpt_to)`, [forged]);
      expect(row).toMatchObject({ state: 'unmatched', problem: expect.stringMatching(/invalid/) });

      // NUL bytes where PostgreSQL text cannot hold them: read all the same.
      const { row: nulRow, back: nulBack } = await sent('nulo@cliente.example');
      await inbound(
        [nulBack.replyTo],
        replyTo({
          from: 'nulo@cliente.example',
          to: nulBack.replyTo,
          inReplyTo: nulRow.message_id,
          subject: 'Re: pago\u0000',
          text: 'Pagamos\u0000 el 15 de diciembre.',
        }),
      );
      expect(await inboundRow('message_id = $1', [nulRow.id])).toMatchObject({
        state: 'classified',
        kind: 'human_reply',
      });

      const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256).filter((b) => b !== 46));
      const broken = 'Content-Type: multipart/mixed; boundary="never"\r\n\r\n--never\r\nContent-Type: text/plain\r\n';
      for (const raw of [garbage, Buffer.from(broken)]) {
        expect((await inbound(['reply@replies.int.example'], raw)).accepted).toBe(true);
      }
      await waitFor(async () => {
        const { rows } = await stack.sql.query(
          `select count(*)::int as n from delivery.inbound_emails where 'reply@replies.int.example' = any(rcpt_to) and state in ('unmatched', 'failed')`,
        );
        return rows[0].n >= 2;
      }, 'both kept');
      expect((await fetch(`http://127.0.0.1:${stack.unsubscribePort}/unsubscribe/x`)).status).toBe(404);
    });

    it('a DSN at one tenant’s VERP address quoting another tenant’s message matches neither', async () => {
      const mine = await sent('cruzado@cliente.example');
      const theirs = await sent('cruzado@cliente.example', other);
      await inbound(
        [mine.back.bounce],
        dsnFor({
          to: mine.back.bounce,
          recipient: 'cruzado@cliente.example',
          status: '5.1.1',
          diagnostic: '550 5.1.1 user unknown',
          messageId: theirs.row.message_id,
        }),
      );
      const row = await inboundRow(`$1 = any(rcpt_to)`, [mine.back.bounce]);
      expect(row).toMatchObject({ state: 'unmatched', problem: expect.stringMatching(/more than one tenant/) });
      for (const who of [tenant, other]) {
        const { suppressions } = await firstValueFrom(
          stack.delivery.listSuppressions({ address: 'cruzado@cliente.example', pageSize: 0, pageToken: '' }, who.auth),
        );
        expect(suppressions).toHaveLength(0);
      }
    });
  });
});
