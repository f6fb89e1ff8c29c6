import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122091000 } from './Migration20261122091000';
import { Migration20261122140000 } from './Migration20261122140000';
import { Migration20261122150000 } from './Migration20261122150000';
import { Migration20261122160000 } from './Migration20261122160000';
import { Migration20261122170000 } from './Migration20261122170000';
import { Migration20261122180000 } from './Migration20261122180000';
import { Migration20261122190000 } from './Migration20261122190000';
import { Migration20261122200000 } from './Migration20261122200000';
import { Migration20261122210000 } from './Migration20261122210000';
import { Migration20261122220000 } from './Migration20261122220000';
import { Migration20261201090000 } from './Migration20261201090000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261203100000 } from './Migration20261203100000';
import { Migration20261204090000 } from './Migration20261204090000';
import { Migration20261204100000 } from './Migration20261204100000';
import { Migration20261205100000 } from './Migration20261205100000';
import { Migration20261205110000 } from './Migration20261205110000';
import { Migration20261205120000 } from './Migration20261205120000';
import { Migration20261206090000 } from './Migration20261206090000';
import { Migration20261208090000 } from './Migration20261208090000';

/** In order; listed explicitly so the compiled service needs no file discovery. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122091000', class: Migration20261122091000 },
  { name: 'Migration20261122140000', class: Migration20261122140000 },
  { name: 'Migration20261122150000', class: Migration20261122150000 },
  { name: 'Migration20261122160000', class: Migration20261122160000 },
  { name: 'Migration20261122170000', class: Migration20261122170000 },
  { name: 'Migration20261122180000', class: Migration20261122180000 },
  { name: 'Migration20261122190000', class: Migration20261122190000 },
  { name: 'Migration20261122200000', class: Migration20261122200000 },
  { name: 'Migration20261122210000', class: Migration20261122210000 },
  { name: 'Migration20261122220000', class: Migration20261122220000 },
  { name: 'Migration20261201090000', class: Migration20261201090000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261203100000', class: Migration20261203100000 },
  { name: 'Migration20261204090000', class: Migration20261204090000 },
  { name: 'Migration20261204100000', class: Migration20261204100000 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205110000', class: Migration20261205110000 },
  { name: 'Migration20261205120000', class: Migration20261205120000 },
  { name: 'Migration20261206090000', class: Migration20261206090000 },
  { name: 'Migration20261208090000', class: Migration20261208090000 },
];
