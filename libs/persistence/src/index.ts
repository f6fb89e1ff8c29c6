export { ormOptions, type OrmSettings } from './orm-options';
export { openOrm, runMigrations } from './open-orm';
export { isUniqueViolation } from './pg-errors';
export { nativeQuery } from './native-query';
export { isConnectionLost, untilDatabaseAnswers } from './connection-lost';
