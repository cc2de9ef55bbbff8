import { sqlMigration } from '../sql-script'

// Issue 14 B: the ledger records what was given, not what was drawn. A `dispense` takes the drawn
// dose out of the lot at the chair; when delivery ends, an `administer` entry records the amount
// the pump record says was given and a witnessed `waste` the remainder. Both name the dispense in
// `detail.dispenseEntryId` (hashed with the entry) and move no stock. The database keeps a
// dispense tied to its session and patient, and each dispense settled by one administration.

export const up = sqlMigration(`
    ALTER TABLE cs_entry DROP CONSTRAINT cs_entry_kind_check;
    ALTER TABLE cs_entry ADD CONSTRAINT cs_entry_kind_check CHECK (kind IN ('receive', 'dispense',
      'administer', 'waste', 'breakage', 'return', 'transfer', 'count', 'adjustment', 'loss'));
    ALTER TABLE cs_entry ADD CONSTRAINT cs_entry_dispense_session_check
      CHECK (kind <> 'dispense' OR (session_id IS NOT NULL AND patient_id IS NOT NULL));
    ALTER TABLE cs_entry ADD CONSTRAINT cs_entry_settles_session_check
      CHECK (NOT (detail ? 'dispenseEntryId') OR (kind IN ('administer', 'waste') AND session_id IS NOT NULL));
    CREATE UNIQUE INDEX cs_entry_one_administration_per_dispense ON cs_entry ((detail ->> 'dispenseEntryId'))
      WHERE kind = 'administer' AND detail ? 'dispenseEntryId';
    CREATE INDEX cs_entry_session_idx ON cs_entry (clinic_id, session_id) WHERE session_id IS NOT NULL;
  `)
