import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// The clinic's own phone number for patients (issue 14): the portal's crisis screen, the
// discharge sheet and the self-check's "sent" note give it beside 988 and 911. Optional (a clinic
// may not have entered it yet); the administrator edits it. The clinic table's row-level security
// policies cover the new column as they stand.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE clinic ADD COLUMN phone text`.execute(db)
}
