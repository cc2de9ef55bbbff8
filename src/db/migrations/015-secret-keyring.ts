import { sqlMigration } from '../sql-script'

// TOTP secrets encrypted at rest (issue 13 point 5). The three secret columns keep their names and
// type; their values become `v1:<keyid>:<base64(iv | tag | ciphertext)>` (AES-256-GCM,
// src/server/secrets/secret-box.ts). A migration cannot do the encryption: the key is not in the
// database and SQL never sees it. So this migration only adds `secret_keyring`, the one row that
// records which key the installation's secrets are under (its id and a sealed check value), and
// start-up (`prepareSecrets`, run by `serve`, `migrate` and every command that opens the database)
// encrypts whatever clear base32 values are left, in one transaction with that row, once the key is
// known. A wrong key is then refused at start-up, before anyone's code is checked against it.

export const up = sqlMigration(`
    CREATE TABLE secret_keyring (
      id smallint PRIMARY KEY CHECK (id = 1),
      key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{8}$'),
      check_value text NOT NULL CHECK (check_value LIKE 'v1:%'),
      installed_at timestamptz NOT NULL,
      rotated_at timestamptz
    );

    COMMENT ON TABLE secret_keyring IS 'which KETACARE_SECRET_KEY the TOTP secrets are encrypted under (never the key)';
    COMMENT ON COLUMN mfa_secret.secret_base32 IS 'AES-256-GCM sealed: v1:<keyid>:<base64 iv|tag|ciphertext>';
    COMMENT ON COLUMN patient_account.mfa_secret_base32 IS 'AES-256-GCM sealed: v1:<keyid>:<base64 iv|tag|ciphertext>';
    COMMENT ON COLUMN patient_account.mfa_pending_secret_base32 IS 'AES-256-GCM sealed: v1:<keyid>:<base64 iv|tag|ciphertext>';
  `)
