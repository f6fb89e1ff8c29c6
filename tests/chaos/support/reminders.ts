import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { waitFor, type ReceivedMail } from '@chasqui/testing';
import { firstValueFrom } from 'rxjs';
import type { ChaosStack } from './chaos-stack';
import { EventTap } from './event-tap';

const TODAY = '2026-11-22';
/** Customers created at once: enough to be quick, few enough not to swamp a 2-core machine. */
const CREATE_CONCURRENCY = 4;

export interface Occurrence {
  id: string;
  customerId: string;
}

/**
 * The reminders one RunCycle queued for a tenant of their own, and how to
 * find what became of them: their recipients share a domain, their events
 * arrive on a queue of their own.
 */
export class ReminderRun {
  readonly startedAt = Date.now();

  constructor(
    readonly label: string,
    readonly tenantId: string,
    readonly auth: Metadata,
    readonly occurrences: Occurrence[],
    readonly events: EventTap,
    /** Messages in the dead-letter queues before the run, by queue. */
    readonly deadLetteredBefore: Record<string, number>,
    private readonly stack: ChaosStack,
    private readonly domain: string,
  ) {}

  /** This run's mails the SMTP server answered 250 to. */
  accepted(): ReceivedMail[] {
    return this.stack.smtp.accepted.filter((mail) => this.ours(mail));
  }

  /** This run's mails the server read to the final dot and then dropped the connection on. */
  dropped(): ReceivedMail[] {
    return this.stack.smtp.receivedButDropped.filter((mail) => this.ours(mail));
  }

  /** Accepted mails when the fault began (the last acceptedAtLeast): fewer than all, or the fault met no flow. */
  acceptedBeforeFault?: number;

  /** Waits until the server took `count` of this run's mails: a fault started then lands mid-flow. */
  async acceptedAtLeast(count: number, timeoutMs = 180_000): Promise<void> {
    await waitFor(() => this.accepted().length >= count, `${count} mails of ${this.label} accepted`, timeoutMs);
    this.acceptedBeforeFault = this.accepted().length;
  }

  private ours(mail: ReceivedMail): boolean {
    return mail.to.some((address) => address.endsWith(`@${this.domain}`));
  }
}

/**
 * A tenant with an overdue rule ("from 5 days, every 5") and `count`
 * customers, each with one contact and one invoice 10 days overdue; an event
 * queue bound; then one RunCycle, which queues `count` reminders.
 */
export async function queueReminders(stack: ChaosStack, label: string, count: number): Promise<ReminderRun> {
  await stack.ready();
  const domain = `${label}.chaos.example`;
  const { tenant, apiKey } = await firstValueFrom(
    stack.receivables.createTenant(
      {
        name: `Chaos ${label}`,
        country: 'MX',
        timeZone: 'America/Mexico_City',
        defaultCurrency: 'MXN',
        locale: 'es-MX',
        taxId: '',
      },
      stack.adminMetadata(),
    ),
  );
  const auth = stack.tenantMetadata(apiKey);
  await firstValueFrom(
    stack.scheduler.createRule(
      {
        name: 'Vencidas cada 5 días',
        sendHour: 9,
        template: '',
        grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
        businessDaysOnly: false,
        overdue: { fromDays: 5, everyDays: 5 },
      },
      auth,
    ),
  );
  const indexes = Array.from({ length: count }, (_, i) => i);
  for (let from = 0; from < count; from += CREATE_CONCURRENCY) {
    await Promise.all(
      indexes.slice(from, from + CREATE_CONCURRENCY).map((i) => customerWithOverdueInvoice(stack, auth, domain, i)),
    );
  }

  const events = await EventTap.bind(stack.rabbitmq.url(), `chaos.events.${label}`);
  const deadLetteredBefore = await stack.deadLettered();
  const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
  const occurrences = await stack.sql<Occurrence>(
    `select id, customer_id as "customerId" from scheduler.occurrences
     where tenant_id = $1 and status = 'queued' order by customer_id`,
    [tenant!.id],
  );
  if (cycle.queued !== count || occurrences.length !== count) {
    throw new Error(`RunCycle queued ${cycle.queued} (${occurrences.length} occurrences recorded), not ${count}`);
  }
  return new ReminderRun(label, tenant!.id, auth, occurrences, events, deadLetteredBefore, stack, domain);
}

async function customerWithOverdueInvoice(stack: ChaosStack, auth: Metadata, domain: string, i: number) {
  const { customer } = await firstValueFrom(
    stack.receivables.createCustomer(
      {
        externalId: `C-${i}`,
        legalName: `Cliente ${i} S.A. de C.V.`,
        taxId: 'XAXX010101000',
        timeZone: '',
        locale: '',
        contacts: [{ name: 'Cuentas por pagar', email: `ap${i}@${domain}`, role: 'billing', receivesReminders: true }],
      },
      auth,
    ),
  );
  await firstValueFrom(
    stack.receivables.createInvoice(
      {
        customerId: customer!.id,
        series: 'F',
        folio: String(i),
        issueDate: isoDate(TODAY, -40),
        dueDate: isoDate(TODAY, -10),
        currency: 'MXN',
        totalMinor: String(100_00 + i),
      },
      auth,
    ),
  );
}

function isoDate(base: string, plusDays: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10);
}

/** Noon in Mexico City on a local date, as a protobuf Timestamp. */
function noonInMexicoCity(date: string) {
  return { seconds: String(Date.parse(`${date}T18:00:00Z`) / 1000), nanos: 0 };
}
