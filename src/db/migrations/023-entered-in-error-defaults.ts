import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Every correctable clinical row starts "not entered in error" (issue 15): the marking columns
// default to NULL, so an insert names only what it records and the correction alone
// (`markEnteredInError`) writes them. The columns were nullable without a default, which
// PostgreSQL already reads as NULL; stating it keeps the schema and the Kysely types (optional on
// insert) saying the same thing.
const tables = [
  'body_measurement',
  'antidepressant_trial',
  'instrument_response',
  'vital_sign',
  'session_event',
  'side_effect',
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        ALTER COLUMN entered_in_error_at SET DEFAULT NULL,
        ALTER COLUMN entered_in_error_by SET DEFAULT NULL,
        ALTER COLUMN error_reason SET DEFAULT NULL`.execute(db)
  }
}
