import type { Metadata } from '@grpc/grpc-js';
import type { delivery } from '@chasqui/contracts';
import { waitFor, type ReceivedMail } from '@chasqui/testing';
import { dkimVerify } from 'mailauth';
import { generateKeyPairSync } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { DeliveryStack } from './support/delivery-stack';

/** Who a tenant's reminders come from: validated settings, a write-only DKIM key, signatures a receiver verifies. */
describe('delivery: sending as the company', () => {
  const stack = new DeliveryStack();
  let tenant: { id: string; auth: Metadata };
  let other: { id: string; auth: Metadata };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    await stack.start();
    [tenant, other] = [await stack.tenant(), await stack.tenant()];
  }, 180_000);

  afterAll(() => stack.stop(), 60_000);

  const settings = (over: Partial<delivery.SenderSettings> = {}): delivery.SenderSettings => ({
    fromName: 'Ferretería La Paloma',
    fromAddress: 'cobranza@lapaloma.example',
    replyTo: 'finanzas@lapaloma.example',
    dkim: undefined,
    maxPerMinute: 0,
    dkimKeyStored: false,
    isDefault: false,
    ...over,
  });
  const update = (s: delivery.SenderSettings, keepDkimKey = false, who = tenant) =>
    firstValueFrom(stack.delivery.updateSenderSettings({ settings: s, keepDkimKey }, who.auth));
  const get = (who = tenant) => firstValueFrom(stack.delivery.getSenderSettings({}, who.auth));

  it('starts on the deployment’s sender and refuses bad settings naming the field', async () => {
    expect((await get()).settings).toMatchObject({ isDefault: true, fromAddress: 'cobranza@chasqui.local' });
    await expect(update(settings({ replyTo: 'finanzas@lapaloma.example, no-es-correo' }))).rejects.toMatchObject({
      code: 3,
      details: expect.stringContaining('settings.reply_to[1]'),
    });
    await expect(update(settings({ fromAddress: 'cobranza' }))).rejects.toMatchObject({
      details: expect.stringContaining('settings.from_address'),
    });
    await expect(
      update(settings({ dkim: { domain: 'lapaloma.example', selector: 's1', privateKeyPem: 'not a key' } })),
    ).rejects.toMatchObject({ details: expect.stringContaining('settings.dkim.private_key_pem') });
    await expect(update(settings({ fromName: 'Evil\r\nBcc: x@y.z' }))).rejects.toMatchObject({ code: 3 });
  });

  it('keeps the DKIM key write-only, and each tenant’s settings its own', async () => {
    const saved = await update(
      settings({ dkim: { domain: 'lapaloma.example', selector: 's2026', privateKeyPem: pem } }),
    );
    expect(saved.settings).toMatchObject({
      dkim: { domain: 'lapaloma.example', selector: 's2026', privateKeyPem: '' },
      dkimKeyStored: true,
      isDefault: false,
    });
    const kept = await update(
      settings({
        replyTo: 'a@lapaloma.example; b@lapaloma.example',
        dkim: { domain: 'lapaloma.example', selector: 's2026', privateKeyPem: '' },
      }),
      true,
    );
    expect(kept.settings).toMatchObject({ dkimKeyStored: true, replyTo: 'a@lapaloma.example, b@lapaloma.example' });
    const { rows } = await stack.sql.query(
      'select dkim_key_sealed from delivery.sender_settings where tenant_id = $1',
      [tenant.id],
    );
    expect(rows[0].dkim_key_sealed.toString('latin1')).not.toContain('PRIVATE KEY');
    expect((await get(other)).settings).toMatchObject({ isDefault: true });
  });

  it('signs each reminder with DKIM over From, Reply-To and List-Unsubscribe, and a receiver verifies it', async () => {
    // Settings are cached for a few seconds per process: wait until a send carries them.
    let mail: ReceivedMail | undefined;
    await waitFor(
      async () => {
        const occurrenceId = await stack.sendJob(tenant.id);
        await waitFor(async () => (await stack.message(occurrenceId))?.status === 'sent', 'sent');
        const row = await stack.message(occurrenceId);
        mail = stack.smtp.accepted.find((m) => m.messageId === row.message_id);
        return /^DKIM-Signature:/m.test(mail?.raw ?? '');
      },
      'a signed reminder',
      30_000,
    );
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === 's2026._domainkey.lapaloma.example') return [[`v=DKIM1; k=rsa; p=${spki}`]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    };
    const verified = await dkimVerify(Buffer.from(mail!.raw), { resolver: resolver as never });
    const signature = verified.results[0];
    expect(signature.status.result).toBe('pass');
    expect(signature.signingDomain).toBe('lapaloma.example');
    const header = /^DKIM-Signature:(.*(?:\r\n[ \t].*)*)/m.exec(mail!.raw)![1].replace(/\s+/g, '');
    const signed = /(?:^|;)h=([^;]+)/.exec(header)![1].toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'reply-to', 'list-unsubscribe', 'list-unsubscribe-post', 'message-id']),
    );
  });

  it('holds a tenant to its own pace: past its messages a minute, the rest wait, none lost', async () => {
    await update(settings({ maxPerMinute: 2 }), false, other);
    // Settings are read through a short cache: the first send after it expires carries the limit.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const jobs: string[] = [];
    for (let i = 0; i < 4; i++) jobs.push(await stack.sendJob(other.id, `ritmo${i}@cliente.example`));
    const sent = async () => (await Promise.all(jobs.map((j) => stack.message(j)))).filter((m) => m?.status === 'sent');
    await waitFor(async () => (await sent()).length === 2, 'two sent');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await sent()).toHaveLength(2);
    const { rows } = await stack.sql.query(
      `select count(*)::int as n from delivery.messages where tenant_id = $1 and status <> 'sent'`,
      [other.id],
    );
    expect(rows[0].n).toBe(0);
  }, 60_000);
});
