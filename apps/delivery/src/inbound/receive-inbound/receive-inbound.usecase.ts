import { JsonLogger } from '@chasqui/observability';
import { Injectable } from '@nestjs/common';
import { InboundRepository, type ArrivedEmail } from '../inbound.repository';
import { ReadInboundUseCase } from '../read-inbound/read-inbound.usecase';

/**
 * An email accepted at the inbound port: stored raw (the SMTP answer waits
 * for that commit, so a 250 means it is kept), then read. A reading that
 * fails leaves it `received` for the sweeper; the sender has its 250 either way.
 */
@Injectable()
export class ReceiveInboundUseCase {
  constructor(
    private readonly inbound: InboundRepository,
    private readonly readInbound: ReadInboundUseCase,
    private readonly log: JsonLogger,
  ) {}

  async execute(email: ArrivedEmail): Promise<string> {
    const id = await this.inbound.store(email);
    await this.readInbound.execute(id).catch((error: unknown) =>
      this.log.error('inbound email kept, reading it failed; it will be read again', {
        id,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    return id;
  }
}
