import { sqlMigration } from '../sql-script'

// Optional two-step sign-in (TOTP) for portal patients (issue 7). The secret is kept like the
// staff one in `mfa_secret` (base32, not encrypted; ARCHITECTURE "Choices"). A secret waits in
// `mfa_pending_secret_base32` until the patient confirms it with a first code, so starting a new
// set-up never disturbs one in use. `mfa_last_used_step` is the replay guard: a code from the
// same or an earlier time step is refused. A step fits in `integer` until the year 4010.
// 'mfa-pending' sessions have passed the password step only and reach no patient data.

export const up = sqlMigration(`
    ALTER TABLE patient_account
      ADD COLUMN mfa_secret_base32 text,
      ADD COLUMN mfa_enabled_at timestamptz,
      ADD COLUMN mfa_pending_secret_base32 text,
      ADD COLUMN mfa_last_used_step integer,
      ADD CONSTRAINT patient_account_mfa_secret_when_enabled
        CHECK ((mfa_enabled_at IS NULL) = (mfa_secret_base32 IS NULL));

    ALTER TABLE portal_session DROP CONSTRAINT portal_session_scope_check;
    ALTER TABLE portal_session ADD CONSTRAINT portal_session_scope_check
      CHECK (scope IN ('full', 'survey', 'mfa-pending'));
  `)
