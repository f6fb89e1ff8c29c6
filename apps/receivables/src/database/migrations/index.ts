import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122090000 } from './Migration20261122090000';

/** In order; listed explicitly so the compiled service needs no file discovery. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261122090000', class: Migration20261122090000 }];
