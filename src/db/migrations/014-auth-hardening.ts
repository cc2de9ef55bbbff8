import { sqlMigration } from '../sql-script'

// Closing account-takeover and guessing paths (issue 13).
//
// `reauth_failure`: every wrong password or code given to sign something (a ledger witness, a
// second-person dose check, an eligibility or plan signature). Counting them in the database, not
// in a process, makes the per-signer and per-caller limits hold across several server processes.
// Installation-level like `login_session` (a signer belongs to several clinics); the request role
// may read the counts, only the owner writes them (after the refused request rolled back).
//
// `portal_token.reset_approved_by`: the clinician (a role that may read the chart) who issued an
// invite; only such an invite may reset an account that is already active.
//
// `outbox_message.portal_token_id`: a message carrying a portal link holds a reference to the
// token row, never the token: the worker issues the clear token at send time, into the e-mail only.
// Links already written into message bodies are live tokens at rest: they are removed.

export const up = sqlMigration(`
    CREATE TABLE reauth_failure (
      id uuid PRIMARY KEY,
      signer_user_id uuid NOT NULL REFERENCES app_user(id),
      caller_user_id uuid NOT NULL REFERENCES app_user(id),
      clinic_id uuid REFERENCES clinic(id),
      method text NOT NULL CHECK (method IN ('password', 'totp')),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX reauth_failure_signer_idx ON reauth_failure (signer_user_id, created_at);
    CREATE INDEX reauth_failure_caller_idx ON reauth_failure (caller_user_id, created_at);
    GRANT SELECT ON reauth_failure TO ketacare_app;

    ALTER TABLE portal_token ADD COLUMN reset_approved_by uuid REFERENCES app_user(id);

    ALTER TABLE outbox_message ADD COLUMN portal_token_id uuid REFERENCES portal_token(id);
    UPDATE outbox_message
      SET body = regexp_replace(body, '/portal/(invite|s)/[A-Za-z0-9_-]+', '/portal/\\1/[link removed: ask the clinic for a new one]', 'g')
      WHERE body ~ '/portal/(invite|s)/[A-Za-z0-9_-]+';
  `)
