import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hashApiKey } from '../api-key';
import { TenantEntity } from '../tenant.entity';

@Injectable()
export class AuthenticateApiKeyUseCase {
  constructor(private readonly orm: MikroORM) {}

  /** The tenant the key belongs to, or undefined. */
  async execute(apiKey: string): Promise<string | undefined> {
    const tenant = await this.orm.em
      .fork()
      .findOne(TenantEntity, { apiKeyHash: hashApiKey(apiKey) }, { fields: ['id'] });
    return tenant?.id;
  }
}
