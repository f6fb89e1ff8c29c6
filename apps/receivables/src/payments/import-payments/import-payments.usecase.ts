import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecordPaymentUseCase } from '../record-payment/record-payment.usecase';
import { PaymentImport } from './payment-import';

@Injectable()
export class ImportPaymentsUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly recordPayment: RecordPaymentUseCase,
  ) {}

  /** A new import for the tenant; feed it chunks of rows, then read its result. */
  start(tenantId: string): PaymentImport {
    return new PaymentImport(this.orm, this.recordPayment, tenantId);
  }
}
