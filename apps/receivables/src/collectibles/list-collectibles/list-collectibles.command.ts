import { z } from 'zod';
import { fields } from '../../ledger/fields';

const bound = z.union([z.literal(''), fields.calendarDate]);

/** A rule's step dates, due + fromDays + k × everyDays (k = 0 only when everyDays is 0), in a date window. */
const stepWindow = z.object({
  onOrAfter: fields.calendarDate,
  onOrBefore: fields.calendarDate,
  fromDays: z.number().int().min(-3660).max(3660),
  everyDays: z.number().int().min(0).max(3660),
  zoned: z
    .object({
      after: z.iso.datetime({ offset: true }),
      by: z.iso.datetime({ offset: true }),
      sendHour: z.number().int().min(0).max(23),
      shiftDays: z.number().int().min(0).max(31),
    })
    .nullish(),
});

export const listCollectiblesCommand = z.object({
  tenantId: z.string(),
  dueFrom: bound,
  dueTo: bound,
  issuedFrom: bound,
  customerId: z.union([z.literal(''), fields.id]),
  stepWindow: stepWindow.nullish(),
  changedSince: z.union([z.literal(''), z.iso.datetime({ offset: true })]),
  invoiceIds: z.array(fields.id).max(1_000_000).default([]),
});

export type ListCollectiblesCommand = z.infer<typeof listCollectiblesCommand>;
export type StepWindow = z.infer<typeof stepWindow>;
