import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// A lock screen instead of a sign-out during monitoring (issue 14 point 2).
//
// `login_session.locked_at`: set when the sign-in went idle (or the user locked the screen); a
// locked sign-in answers every call with 401 `session-locked` except unlock and sign-out, and
// expires anyway KETACARE_SESSION_LOCKED_MAX_HOURS after it locked.
//
// `unlock_pin`: a short per-user PIN (4–8 digits) that unlocks only the user's own locked sign-in,
// argon2id-hashed like a password. Installation-level like `mfa_secret`: only the owner role reads
// or writes it, never a request's role.
//
// `board_display`: a read-only Today board for a nurses' station screen, reached with a device
// token created by an administrator. Only the token's SHA-256 is kept; revoking sets revoked_at.

export const up = sqlMigration(`
    ALTER TABLE login_session ADD COLUMN locked_at timestamptz;

    CREATE TABLE unlock_pin (
      user_id uuid PRIMARY KEY REFERENCES app_user(id),
      pin_hash text NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE board_display (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
      token_hash text NOT NULL UNIQUE,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      -- The last read recorded in the audit trail: a display polling every few seconds is audited
      -- when it opens and then every few minutes, not on each refresh.
      last_audited_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES app_user(id)
    );
    CREATE INDEX board_display_clinic_idx ON board_display (clinic_id, created_at);
    ${clinicTableSql('board_display', { grants: 'SELECT, INSERT, UPDATE' })}
  `)
