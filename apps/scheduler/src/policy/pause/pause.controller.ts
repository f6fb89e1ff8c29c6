import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { PauseRow, PauseSource } from '../customer-policies.repository';
import { listPausesCommand, type ListPausesCommand } from './list-pauses.command';
import { ListPausesUseCase } from './list-pauses.usecase';
import {
  pauseCustomerCommand,
  resumeCustomerCommand,
  type PauseCustomerCommand,
  type ResumeCustomerCommand,
} from './pause-customer.command';
import { PauseCustomerUseCase, ResumeCustomerUseCase } from './pause-customer.usecase';

const reasons: Record<PauseSource, scheduler.PauseReason> = {
  manual: scheduler.PauseReason.PAUSE_REASON_MANUAL,
  replied: scheduler.PauseReason.PAUSE_REASON_REPLIED,
  promise_to_pay: scheduler.PauseReason.PAUSE_REASON_PROMISE_TO_PAY,
};

const toPauseProto = (row: PauseRow): scheduler.Pause => ({
  customerId: row.customer_id,
  customerName: row.legal_name,
  until: row.until,
  // A pause from before pauses said why was a manual one.
  reason: reasons[row.source ?? 'manual'],
  note: row.note ?? '',
});

/** A pause skips a customer's steps up to and including its last day; resuming ends it now; the pauses in force. */
@Controller()
@UseGuards(TenantGuard)
export class PauseController {
  constructor(
    private readonly pauseCustomer: PauseCustomerUseCase,
    private readonly resumeCustomer: ResumeCustomerUseCase,
    private readonly listPauses: ListPausesUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'PauseCustomer')
  async pause(
    @TenantCommand(pauseCustomerCommand, 'PAUSE.INVALID') command: PauseCustomerCommand,
  ): Promise<scheduler.PauseCustomerResponse> {
    await this.pauseCustomer.execute(command);
    return {};
  }

  @GrpcMethod('SchedulerService', 'ResumeCustomer')
  async resume(
    @TenantCommand(resumeCustomerCommand, 'PAUSE.INVALID') command: ResumeCustomerCommand,
  ): Promise<scheduler.ResumeCustomerResponse> {
    await this.resumeCustomer.execute(command);
    return {};
  }

  @GrpcMethod('SchedulerService', 'ListPauses')
  async list(
    @TenantCommand(listPausesCommand, 'PAUSE.INVALID') command: ListPausesCommand,
  ): Promise<scheduler.ListPausesResponse> {
    const { pauses, nextPageToken } = await this.listPauses.execute(command);
    return { pauses: pauses.map(toPauseProto), nextPageToken };
  }
}
