import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SenderSettingsEntity, type SenderSettings } from './sender-settings.entity';

/** How long a process trusts the settings it read: a change reaches every replica within this. */
const CACHE_MS = 10_000;

/** Each tenant's sender settings; reads for sending are cached briefly (one query per tenant, not per message). */
@Injectable()
export class SenderSettingsRepository {
  private readonly cache = new Map<string, { settings: SenderSettings | null; until: number }>();

  constructor(private readonly orm: MikroORM) {}

  find(tenantId: string): Promise<SenderSettings | null> {
    return this.orm.em.fork().findOne(SenderSettingsEntity, { tenantId });
  }

  async forSending(tenantId: string): Promise<SenderSettings | null> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.settings;
    const settings = await this.find(tenantId);
    this.cache.set(tenantId, { settings, until: Date.now() + CACHE_MS });
    return settings;
  }

  async save(settings: SenderSettings): Promise<SenderSettings> {
    await this.orm.em.fork().upsert(SenderSettingsEntity, settings);
    this.cache.delete(settings.tenantId);
    return settings;
  }
}
