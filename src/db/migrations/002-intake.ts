import { clinicTableSql, correctableColumnsSql, errorMarkingColumns } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Intake to treatment plan (issue 4). Nothing clinical is deleted: corrections mark a row
// "entered in error" with a reason (only those columns are updatable) and add a new row.

export const up = sqlMigration(`
    CREATE TABLE patient (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      mrn text NOT NULL CHECK (length(mrn) BETWEEN 1 AND 40),
      given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
      date_of_birth date NOT NULL,
      sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
      phone text,
      email text,
      address text,
      escort_name text,
      escort_phone text,
      emergency_contact_name text,
      emergency_contact_phone text,
      emergency_contact_relation text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (clinic_id, mrn)
    );
    CREATE INDEX patient_name_idx ON patient (clinic_id, lower(family_name), lower(given_name));
    CREATE INDEX patient_dob_idx ON patient (clinic_id, date_of_birth);
    ${clinicTableSql('patient', { grants: 'SELECT, INSERT, UPDATE' })}

    CREATE TABLE body_measurement (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      measured_at timestamptz NOT NULL,
      weight_kg numeric(6, 2) NOT NULL CHECK (weight_kg > 0 AND weight_kg < 500),
      height_cm numeric(5, 1) CHECK (height_cm > 0 AND height_cm < 300),
      ${correctableColumnsSql}
    );
    CREATE INDEX body_measurement_patient_idx ON body_measurement (patient_id, measured_at);
    ${clinicTableSql('body_measurement', { grants: `SELECT, INSERT, UPDATE (${errorMarkingColumns})` })}

    CREATE TABLE antidepressant_trial (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      drug text NOT NULL CHECK (length(drug) BETWEEN 1 AND 100),
      drug_class text NOT NULL,
      max_daily_dose_mg numeric(8, 2),
      dose_adequate boolean NOT NULL,
      weeks numeric(5, 1) NOT NULL CHECK (weeks >= 0),
      adherence text NOT NULL,
      outcome text NOT NULL,
      augmentation boolean NOT NULL DEFAULT false,
      is_current_episode boolean NOT NULL DEFAULT true,
      started_on date,
      note text,
      ${correctableColumnsSql}
    );
    CREATE INDEX antidepressant_trial_patient_idx ON antidepressant_trial (patient_id, created_at);
    ${clinicTableSql('antidepressant_trial', { grants: `SELECT, INSERT, UPDATE (${errorMarkingColumns})` })}

    CREATE TABLE screening (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL UNIQUE REFERENCES patient(id),
      contraindication_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
      episode_duration_months integer CHECK (episode_duration_months >= 0),
      severity text,
      ect_used boolean NOT NULL DEFAULT false,
      ect_bilateral boolean NOT NULL DEFAULT false,
      ect_failed boolean NOT NULL DEFAULT false,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1
    );
    ${clinicTableSql('screening', { grants: 'SELECT, INSERT, UPDATE' })}

    CREATE TABLE instrument_response (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      instrument_id text NOT NULL,
      answers jsonb NOT NULL,
      total numeric(6, 2) NOT NULL,
      band text,
      band_label text,
      subscales jsonb NOT NULL DEFAULT '{}'::jsonb,
      flags jsonb NOT NULL DEFAULT '[]'::jsonb,
      context text NOT NULL CHECK (context IN ('intake', 'pre', 'post', 'between', 'follow-up')),
      session_id uuid,
      respondent text NOT NULL CHECK (respondent IN ('patient', 'clinician')),
      administered_at timestamptz NOT NULL,
      ${correctableColumnsSql}
    );
    CREATE INDEX instrument_response_patient_idx ON instrument_response (patient_id, instrument_id, administered_at);
    ${clinicTableSql('instrument_response', { grants: `SELECT, INSERT, UPDATE (${errorMarkingColumns})` })}

    CREATE TABLE safety_alert (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      instrument_response_id uuid REFERENCES instrument_response(id),
      kind text NOT NULL,
      message text NOT NULL,
      raised_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES app_user(id),
      acknowledgement_note text,
      CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
    );
    CREATE INDEX safety_alert_open_idx ON safety_alert (clinic_id, patient_id) WHERE acknowledged_at IS NULL;
    ${clinicTableSql('safety_alert', { grants: 'SELECT, INSERT, UPDATE (acknowledged_at, acknowledged_by, acknowledgement_note)' })}

    CREATE TABLE vital_sign (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      session_id uuid,
      context text NOT NULL CHECK (context IN ('intake', 'pre', 'intra', 'post')),
      measured_at timestamptz NOT NULL,
      systolic_mmhg integer CHECK (systolic_mmhg BETWEEN 40 AND 300),
      diastolic_mmhg integer CHECK (diastolic_mmhg BETWEEN 20 AND 200),
      heart_rate_bpm integer CHECK (heart_rate_bpm BETWEEN 20 AND 250),
      spo2_percent integer CHECK (spo2_percent BETWEEN 50 AND 100),
      respiratory_rate integer CHECK (respiratory_rate BETWEEN 4 AND 60),
      moaas integer CHECK (moaas BETWEEN 0 AND 5),
      ${correctableColumnsSql}
    );
    CREATE INDEX vital_sign_patient_idx ON vital_sign (patient_id, measured_at);
    ${clinicTableSql('vital_sign', { grants: `SELECT, INSERT, UPDATE (${errorMarkingColumns})` })}

    CREATE TABLE eligibility_decision (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      decision text NOT NULL CHECK (decision IN ('approve', 'decline', 'defer')),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
      override_reason text,
      snapshot jsonb NOT NULL,
      content_hash text NOT NULL,
      meaning text NOT NULL,
      signed_by uuid NOT NULL REFERENCES app_user(id),
      signer_name text NOT NULL,
      signed_at timestamptz NOT NULL
    );
    CREATE INDEX eligibility_decision_patient_idx ON eligibility_decision (patient_id, signed_at);
    ${clinicTableSql('eligibility_decision', { grants: 'SELECT, INSERT', appendOnly: true })}

    CREATE TABLE consent_text (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      version integer NOT NULL CHECK (version >= 1),
      title text NOT NULL,
      body text NOT NULL,
      content_hash text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      UNIQUE (clinic_id, version)
    );
    ${clinicTableSql('consent_text', { grants: 'SELECT, INSERT', appendOnly: true })}

    CREATE TABLE consent (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      consent_text_id uuid NOT NULL REFERENCES consent_text(id),
      signer_name text NOT NULL,
      signature_kind text NOT NULL CHECK (signature_kind IN ('drawn', 'typed')),
      signature_data text NOT NULL,
      research_use boolean NOT NULL DEFAULT false,
      witness_user_id uuid NOT NULL REFERENCES app_user(id),
      witness_name text NOT NULL,
      content_hash text NOT NULL,
      signed_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES app_user(id),
      withdrawal_reason text,
      CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
    );
    CREATE INDEX consent_patient_idx ON consent (patient_id, signed_at);
    ${clinicTableSql('consent', { grants: 'SELECT, INSERT, UPDATE (withdrawn_at, withdrawn_by, withdrawal_reason)' })}

    CREATE TABLE treatment_plan (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      protocol_id text NOT NULL,
      dose_basis text NOT NULL CHECK (dose_basis IN ('actual', 'ideal', 'adjusted')),
      dose_mg_per_kg numeric(5, 3),
      dose_mg numeric(7, 2),
      max_dose_mg_per_kg numeric(5, 3),
      planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 100),
      cadence text NOT NULL,
      note text,
      status text NOT NULL CHECK (status IN ('draft', 'approved', 'superseded', 'cancelled')),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      approved_by uuid REFERENCES app_user(id),
      approver_name text,
      approved_at timestamptz,
      content_hash text,
      version integer NOT NULL DEFAULT 1
    );
    CREATE INDEX treatment_plan_patient_idx ON treatment_plan (patient_id, created_at);
    ${clinicTableSql('treatment_plan', { grants: 'SELECT, INSERT, UPDATE' })}

    -- Signatures re-check a TOTP code inside the clinic's transaction and record its time step.
    GRANT UPDATE (last_used_step) ON mfa_secret TO ketacare_app;
  `)
