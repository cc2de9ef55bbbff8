import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Esketamine REMS records (clinical-reference §3 ✅, issue 12 point 5): the clinic's healthcare-
// setting certification and each patient's REMS enrolment. Booking or dosing an esketamine session
// needs both. Append-only: a correction is a newer entry (with its reason), and the newest entry of
// a kind (per patient, for enrolments) is the one in force.

export const up = sqlMigration(`
    CREATE TABLE rems_record (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      kind text NOT NULL CHECK (kind IN ('setting-certification', 'patient-enrolment')),
      patient_id uuid REFERENCES patient(id),
      -- 1 for the first entry of its kind (per patient), then 2, 3… for corrections: the order of
      -- entries does not hang on two clocks' milliseconds.
      entry_no integer NOT NULL CHECK (entry_no >= 1),
      identifier text NOT NULL CHECK (length(btrim(identifier)) BETWEEN 1 AND 60),
      effective_on date NOT NULL,
      correction_reason text,
      recorded_by uuid NOT NULL REFERENCES app_user(id),
      recorder_name text NOT NULL,
      recorded_at timestamptz NOT NULL,
      CHECK ((kind = 'patient-enrolment') = (patient_id IS NOT NULL))
    );
    CREATE INDEX rems_record_lookup_idx ON rems_record (clinic_id, kind, patient_id, entry_no DESC);
    ${clinicTableSql('rems_record', { grants: 'SELECT, INSERT', appendOnly: true })}
  `)
