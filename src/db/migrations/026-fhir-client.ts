import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// SMART Backend Services (issue 17): systems that read a clinic's FHIR API without a person.
//
// `fhir_client`: a backend client an administrator registered for one clinic, with its public key
// set and the scopes it may ask for. Its id is the OAuth client_id. Revoked, never deleted (audit
// events name it). The failed-assertion count and lock follow the sign-in lockout of app_user.
//
// `fhir_client_assertion`: the `jti` of every accepted client assertion until it expires, so an
// assertion cannot be replayed. `fhir_access_token`: issued tokens as their SHA-256 hash only, with
// the clinic and scopes they grant. Both are installation-level like `login_session`: the token
// endpoint and the bearer check run as the owner before any clinic is known.
export const up = sqlMigration(`
    CREATE TABLE fhir_client (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      name text NOT NULL,
      jwks jsonb NOT NULL,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user(id),
      revoked_at timestamptz,
      revoked_by uuid REFERENCES app_user(id),
      failed_assertion_count integer NOT NULL DEFAULT 0,
      lock_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz
    );
    CREATE INDEX fhir_client_clinic_idx ON fhir_client (clinic_id, created_at);
    ${clinicTableSql('fhir_client', { grants: 'SELECT, INSERT, UPDATE' })}

    CREATE TABLE fhir_client_assertion (
      client_id uuid NOT NULL REFERENCES fhir_client(id),
      jti text NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (client_id, jti)
    );
    CREATE INDEX fhir_client_assertion_expiry_idx ON fhir_client_assertion (expires_at);

    CREATE TABLE fhir_access_token (
      token_hash text PRIMARY KEY,
      client_id uuid NOT NULL REFERENCES fhir_client(id),
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      scopes text[] NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX fhir_access_token_expiry_idx ON fhir_access_token (expires_at);
  `)
