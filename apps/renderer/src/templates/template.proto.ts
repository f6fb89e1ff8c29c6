import { renderer, type Timestamp } from '@chasqui/contracts';
import { z } from 'zod';
import { protoEnumField } from '../grpc/proto-enum';
import type { ReminderKind } from '../reminder/templates';
import type { StoredTemplate, TemplateUsage } from './template';

const KINDS: Record<ReminderKind, renderer.TemplateKind> = {
  overdue: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE,
  due_soon: renderer.TemplateKind.TEMPLATE_KIND_DUE_SOON,
  invoice_issued: renderer.TemplateKind.TEMPLATE_KIND_INVOICE_ISSUED,
  statement: renderer.TemplateKind.TEMPLATE_KIND_STATEMENT,
  account_closing: renderer.TemplateKind.TEMPLATE_KIND_ACCOUNT_CLOSING,
  account_closed: renderer.TemplateKind.TEMPLATE_KIND_ACCOUNT_CLOSED,
};

export const toTemplateKind = (kind: ReminderKind): renderer.TemplateKind => KINDS[kind];

/** The reminder kind a proto kind names; undefined for UNSPECIFIED or a value this build does not know. */
export function fromTemplateKind(kind: renderer.TemplateKind | string): ReminderKind | undefined {
  return (Object.keys(KINDS) as ReminderKind[]).find((k) => KINDS[k] === kind);
}

/** A request's optional kind in a command: the reminder kind, or undefined for UNSPECIFIED. */
export const templateKindField = z.custom<renderer.TemplateKind | string>().transform(fromTemplateKind);

/** A request's kind that must name a reminder kind; UNSPECIFIED fails the field with `message`. */
export const requiredTemplateKindField = (message: string) => protoEnumField(fromTemplateKind, message);

const timestamp = (date: Date): Timestamp => ({
  seconds: String(Math.floor(date.getTime() / 1000)),
  nanos: (date.getTime() % 1000) * 1_000_000,
});

export function toTemplateProto(template: StoredTemplate, usage?: TemplateUsage): renderer.Template {
  return {
    id: template.id,
    kind: toTemplateKind(template.kind),
    locale: template.locale,
    name: template.name,
    content: template.content,
    active: template.active,
    version: template.version,
    updatedAt: timestamp(template.updatedAt),
    usage: {
      emailsRendered: String(usage?.emailsRendered ?? 0),
      customersReached: String(usage?.customersReached ?? 0),
      activeRules: usage?.activeRules ?? 0,
    },
  };
}
