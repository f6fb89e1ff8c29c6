import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MessageEntity, type Message } from '../message.entity';

@Injectable()
export class ListActivityUseCase {
  constructor(private readonly orm: MikroORM) {}

  execute(command: { tenantId: string; customerId: string }): Promise<Message[]> {
    return this.orm.em.fork().find(MessageEntity, command, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }
}
