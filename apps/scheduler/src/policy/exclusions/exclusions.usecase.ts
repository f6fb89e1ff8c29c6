import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import type { Exclusion } from '../policy-book';
import { ExclusionsRepository } from './exclusions.repository';

/** A customer never chased, for every rule or one; adding one twice is one. */
@Injectable()
export class AddExclusionUseCase {
  constructor(private readonly exclusions: ExclusionsRepository) {}

  async execute(command: { tenantId: string } & Omit<Exclusion, 'id'>): Promise<Exclusion> {
    const { tenantId, ...exclusion } = command;
    if (exclusion.ruleId && !(await this.exclusions.ruleExists(tenantId, exclusion.ruleId))) {
      throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    }
    return this.exclusions.add(tenantId, exclusion);
  }
}

@Injectable()
export class RemoveExclusionUseCase {
  constructor(private readonly exclusions: ExclusionsRepository) {}

  async execute({ tenantId, exclusionId }: { tenantId: string; exclusionId: string }): Promise<void> {
    if (!(await this.exclusions.remove(tenantId, exclusionId))) {
      throw new NotFound('EXCLUSION.NOT_FOUND', 'exclusion_id', 'no such exclusion');
    }
  }
}

@Injectable()
export class ListExclusionsUseCase {
  constructor(private readonly exclusions: ExclusionsRepository) {}

  execute(tenantId: string): Promise<Exclusion[]> {
    return this.exclusions.list(tenantId);
  }
}
