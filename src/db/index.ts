export {
  type DatabaseHandle,
  type DatabaseKind,
  migrateToLatest,
  openDatabase,
  pendingMigrations,
} from './database'
export type * from './schema'
