import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { testSendCommand } from './test-send.command';
import { TestSendUseCase, type TestSendCommand } from './test-send.usecase';

@Controller()
@UseGuards(TenantGuard)
export class TestSendController {
  constructor(private readonly testSend: TestSendUseCase) {}

  @GrpcMethod('SchedulerService', 'TestSend')
  handle(
    @TenantCommand(testSendCommand, 'TEST_SEND.INVALID') command: TestSendCommand,
  ): Promise<scheduler.TestSendResponse> {
    return this.testSend.execute(command);
  }
}
