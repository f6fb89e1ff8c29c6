import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122093000 } from './Migration20261122093000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261203120000 } from './Migration20261203120000';
import { Migration20261206090000 } from './Migration20261206090000';
import { Migration20261208090000 } from './Migration20261208090000';
import { Migration20261210090000 } from './Migration20261210090000';

/** In order; listed explicitly so the compiled service needs no file discovery. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122093000', class: Migration20261122093000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261203120000', class: Migration20261203120000 },
  { name: 'Migration20261206090000', class: Migration20261206090000 },
  { name: 'Migration20261208090000', class: Migration20261208090000 },
  { name: 'Migration20261210090000', class: Migration20261210090000 },
];
