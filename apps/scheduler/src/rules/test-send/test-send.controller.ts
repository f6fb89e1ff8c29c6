import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';
import { TestSendUseCase } from './test-send.usecase';

const testSendCommand = z.object({
  tenantId: z.string(),
  ruleId: policyFields.id,
  customerId: policyFields.id,
  to: z.email('must be an email address').max(254, 'must be at most 254 characters'),
});

@Controller()
export class TestSendController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly testSend: TestSendUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'TestSend')
  async handle(request: scheduler.TestSendRequest, metadata: Metadata): Promise<scheduler.TestSendResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return this.testSend.execute(parseRequest(testSendCommand, { ...request, tenantId }, 'TEST_SEND.INVALID'));
  }
}
