import { Injectable } from '@nestjs/common';
import type { TemplateLocale } from '../reminder/resolve-locale';
import type { ReminderKind } from '../reminder/templates';
import type { ChosenTemplate } from './template';
import { TemplateRepository } from './template.repository';

/** How long a process trusts the choice it made: a save elsewhere reaches every replica within this (as branding). */
const CACHE_MS = 10_000;
/** Past this many choices cached, the expired ones are dropped. */
const CACHE_SWEEP_AT = 10_000;

/**
 * The template a reminder is rendered with: the rule's, when it names one of this
 * tenant's templates of its kind; else the tenant's active one for the kind and the
 * reader's locale; else the built-in default (no id).
 */
@Injectable()
export class ChooseTemplate {
  private readonly cache = new Map<string, { tenantId: string; chosen: Promise<ChosenTemplate>; until: number }>();

  constructor(private readonly templates: TemplateRepository) {}

  /**
   * The choice, read once per tenant, kind, locale and rule template every CACHE_MS: each
   * reminder would otherwise cost a query for what changes a few times a year. What was
   * chosen carries its version, so a rendition records the version it was rendered with.
   */
  for(tenantId: string, kind: ReminderKind, locale: TemplateLocale, ruleTemplateId: string): Promise<ChosenTemplate> {
    const key = `${tenantId}|${kind}|${locale}|${ruleTemplateId}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.chosen;
    if (this.cache.size >= CACHE_SWEEP_AT) this.sweep(now);
    const chosen = this.choose(tenantId, kind, locale, ruleTemplateId);
    this.cache.set(key, { tenantId, chosen, until: now + CACHE_MS });
    chosen.catch(() => this.cache.delete(key)); // a failed read is not remembered
    return chosen;
  }

  /** A tenant's templates changed: this process chooses afresh at once. */
  forget(tenantId: string): void {
    for (const [key, entry] of this.cache) if (entry.tenantId === tenantId) this.cache.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
  }

  private async choose(
    tenantId: string,
    kind: ReminderKind,
    locale: TemplateLocale,
    ruleTemplateId: string,
  ): Promise<ChosenTemplate> {
    const named = /^[0-9a-f-]{36}$/i.test(ruleTemplateId)
      ? await this.templates.find(tenantId, ruleTemplateId)
      : undefined;
    const chosen = named?.kind === kind ? named : await this.templates.active(tenantId, kind, locale);
    return chosen ? { templateId: chosen.id, version: chosen.version, content: chosen.content } : {};
  }
}
