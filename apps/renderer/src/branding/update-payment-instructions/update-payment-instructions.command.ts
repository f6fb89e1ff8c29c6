import type { renderer } from '@chasqui/contracts';
import { z } from 'zod';
import { fromAccountType } from '../branding.proto';
import { paymentInstructionsSchema } from '../domain/payment-account';

/** The instructions as they come over gRPC: each account's proto type read as the domain's, then checked whole. */
const protoInstructions = z
  .looseObject(
    { accounts: z.array(z.looseObject({ accountType: z.custom<renderer.AccountType>().transform(fromAccountType) })) },
    'required',
  )
  .pipe(paymentInstructionsSchema);

/** Checked (a CLABE's check digit too) and saved whole: what customers read beside the amount owed. */
export const updatePaymentInstructionsCommand = z.object({ tenantId: z.string(), instructions: protoInstructions });

export type UpdatePaymentInstructionsCommand = z.output<typeof updatePaymentInstructionsCommand>;
