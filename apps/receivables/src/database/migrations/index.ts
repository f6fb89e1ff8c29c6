import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122090000 } from './Migration20261122090000';
import { Migration20261122100000 } from './Migration20261122100000';
import { Migration20261122110000 } from './Migration20261122110000';
import { Migration20261122120000 } from './Migration20261122120000';
import { Migration20261122130000 } from './Migration20261122130000';
import { Migration20261122170000 } from './Migration20261122170000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261205100000 } from './Migration20261205100000';
import { Migration20261205110000 } from './Migration20261205110000';
import { Migration20261206090000 } from './Migration20261206090000';
import { Migration20261207090000 } from './Migration20261207090000';
import { Migration20261208090000 } from './Migration20261208090000';

/** In order; listed explicitly so the compiled service needs no file discovery. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122090000', class: Migration20261122090000 },
  { name: 'Migration20261122100000', class: Migration20261122100000 },
  { name: 'Migration20261122110000', class: Migration20261122110000 },
  { name: 'Migration20261122120000', class: Migration20261122120000 },
  { name: 'Migration20261122130000', class: Migration20261122130000 },
  { name: 'Migration20261122170000', class: Migration20261122170000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205110000', class: Migration20261205110000 },
  { name: 'Migration20261206090000', class: Migration20261206090000 },
  { name: 'Migration20261207090000', class: Migration20261207090000 },
  { name: 'Migration20261208090000', class: Migration20261208090000 },
];
