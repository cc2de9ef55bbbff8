import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'
import { statementTriggersSql } from '../statement-triggers-sql'

// The outcome dashboard's per-patient summary (issue 8). Computing response, remission, relapse
// and blood-pressure figures from every score and vital sign of 100,000 patients takes seconds;
// the dashboard instead reads one row per patient, recomputed from the clinical tables for the
// patients whose records changed since (`outcome_stale`, filled by statement triggers). The
// summary is derived data, never a record: it can always be rebuilt from the clinical tables.

const staleTriggers = (table: string, patientColumn: string) =>
  statementTriggersSql(table, 'outcome_stale', 'mark_outcome_stale', patientColumn)

export const up = sqlMigration(`
    CREATE TABLE outcome_stale (
      patient_id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id)
    );
    ${clinicTableSql('outcome_stale', { grants: 'SELECT, INSERT, DELETE' })}

    CREATE TABLE outcome_summary (
      patient_id uuid PRIMARY KEY REFERENCES patient(id),
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      route text CHECK (route IN ('iv', 'intranasal')),
      protocol_id text,
      dosed_sessions integer NOT NULL,
      first_dose timestamptz,
      last_end timestamptz,
      age_years integer,
      baseline numeric,
      h24 numeric,
      w1 numeric,
      course_end numeric,
      follow_up_days double precision,
      relapsed boolean,
      bp_sessions integer NOT NULL,
      bp_excursions integer NOT NULL,
      bp_rise_sum numeric,
      bp_rise_count integer NOT NULL,
      refreshed_at timestamptz NOT NULL
    );
    CREATE INDEX outcome_summary_clinic_idx ON outcome_summary (clinic_id, first_dose);
    ${clinicTableSql('outcome_summary', { grants: 'SELECT, INSERT, DELETE' })}

    CREATE TABLE outcome_effect_summary (
      patient_id uuid NOT NULL REFERENCES patient(id),
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      term text NOT NULL,
      grade integer NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (patient_id, term, grade)
    );
    ${clinicTableSql('outcome_effect_summary', { grants: 'SELECT, INSERT, DELETE' })}

    CREATE FUNCTION mark_outcome_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format(
        'INSERT INTO outcome_stale (patient_id, clinic_id) SELECT DISTINCT %I, clinic_id FROM changed WHERE %I IS NOT NULL ON CONFLICT DO NOTHING',
        TG_ARGV[0], TG_ARGV[0]);
      RETURN NULL;
    END $$;
    ${staleTriggers('instrument_response', 'patient_id')}
    ${staleTriggers('treatment_session', 'patient_id')}
    ${staleTriggers('side_effect', 'patient_id')}
    CREATE TRIGGER vital_sign_outcome_stale_update AFTER UPDATE ON vital_sign
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_outcome_stale('patient_id');
    CREATE TRIGGER patient_outcome_stale_update AFTER UPDATE ON patient
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_outcome_stale('id');
    INSERT INTO outcome_stale (patient_id, clinic_id) SELECT id, clinic_id FROM patient;
    `)
