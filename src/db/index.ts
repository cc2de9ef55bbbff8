export {
  type DatabaseHandle,
  type DatabaseKind,
  migrateTo,
  migrateToLatest,
  migrationNames,
  openDatabase,
  pendingMigrations,
} from './database'
export type * from './schema'
