import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { PauseRow, PauseSource } from '../customer-policies.repository';
import { listPausesCommand } from './list-pauses.command';
import { ListPausesUseCase } from './list-pauses.usecase';
import { pauseCustomerCommand, resumeCustomerCommand } from './pause-customer.command';
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
export class PauseController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly pauseCustomer: PauseCustomerUseCase,
    private readonly resumeCustomer: ResumeCustomerUseCase,
    private readonly listPauses: ListPausesUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'PauseCustomer')
  async pause(request: scheduler.PauseCustomerRequest, metadata: Metadata): Promise<scheduler.PauseCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.pauseCustomer.execute(parseRequest(pauseCustomerCommand, { ...request, tenantId }, 'PAUSE.INVALID'));
    return {};
  }

  @GrpcMethod('SchedulerService', 'ResumeCustomer')
  async resume(
    request: scheduler.ResumeCustomerRequest,
    metadata: Metadata,
  ): Promise<scheduler.ResumeCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.resumeCustomer.execute(parseRequest(resumeCustomerCommand, { ...request, tenantId }, 'PAUSE.INVALID'));
    return {};
  }

  @GrpcMethod('SchedulerService', 'ListPauses')
  async list(request: scheduler.ListPausesRequest, metadata: Metadata): Promise<scheduler.ListPausesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listPausesCommand, { ...request, tenantId }, 'PAUSE.INVALID');
    const { pauses, nextPageToken } = await this.listPauses.execute(command);
    return { pauses: pauses.map(toPauseProto), nextPageToken };
  }
}
