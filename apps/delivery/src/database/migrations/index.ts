import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122092000 } from './Migration20261122092000';
import { Migration20261122193000 } from './Migration20261122193000';
import { Migration20261202090000 } from './Migration20261202090000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261203090000 } from './Migration20261203090000';
import { Migration20261206090000 } from './Migration20261206090000';
import { Migration20261208090000 } from './Migration20261208090000';

/** In order; listed explicitly so the compiled service needs no file discovery. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122092000', class: Migration20261122092000 },
  { name: 'Migration20261122193000', class: Migration20261122193000 },
  { name: 'Migration20261202090000', class: Migration20261202090000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261203090000', class: Migration20261203090000 },
  { name: 'Migration20261206090000', class: Migration20261206090000 },
  { name: 'Migration20261208090000', class: Migration20261208090000 },
];
