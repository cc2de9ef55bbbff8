import { sqlMigration } from '../sql-script'

// Frozen: typed against Kysely<unknown>, never against today's schema (style.md §atproto).
// Tenancy (design.md §2): clinic-scoped tables have FORCE ROW LEVEL SECURITY keyed on
// `app.clinic_id`, and requests run as the non-owner role `ketacare_app` (SET LOCAL ROLE), so a
// query that forgets its clinic filter still sees only the request's clinic.

export const up = sqlMigration(`
    DO $$ BEGIN
      CREATE ROLE ketacare_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;
    DO $$ BEGIN
      EXECUTE format('GRANT ketacare_app TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN NULL;
    END $$;

    CREATE FUNCTION app_current_clinic() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;

    CREATE TABLE organization (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE clinic (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organization(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      time_zone text NOT NULL DEFAULT 'America/New_York',
      dea_registration text,
      settings jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );

    CREATE TABLE app_user (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organization(id),
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      failed_login_count integer NOT NULL DEFAULT 0,
      lock_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );

    CREATE TABLE membership (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      role text NOT NULL CHECK (role IN ('admin', 'prescriber', 'nurse', 'front_desk', 'auditor')),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (clinic_id, user_id)
    );
    CREATE INDEX membership_user_idx ON membership(user_id);

    CREATE TABLE login_session (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id),
      token_hash text NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      state text NOT NULL CHECK (state IN ('mfa-required', 'mfa-enrolment-required', 'signed-in')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      ip text,
      user_agent text
    );
    CREATE INDEX login_session_user_idx ON login_session(user_id);

    CREATE TABLE mfa_secret (
      user_id uuid PRIMARY KEY REFERENCES app_user(id),
      secret_base32 text NOT NULL,
      confirmed_at timestamptz,
      last_used_step bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE audit_event (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_email text,
      clinic_id uuid REFERENCES clinic(id),
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      ip text,
      detail jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_event_clinic_seq_idx ON audit_event(clinic_id, seq);
    CREATE INDEX audit_event_clinic_at_idx ON audit_event(clinic_id, at);

    -- Append-only: the trail of who did what can be added to, never edited (design.md §4).
    CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION refuse_change();
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

    ALTER TABLE clinic ENABLE ROW LEVEL SECURITY;
    ALTER TABLE clinic FORCE ROW LEVEL SECURITY;
    CREATE POLICY clinic_tenant ON clinic TO ketacare_app USING (id = app_current_clinic());

    ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
    ALTER TABLE membership FORCE ROW LEVEL SECURITY;
    CREATE POLICY membership_tenant ON membership TO ketacare_app
      USING (clinic_id = app_current_clinic()) WITH CHECK (clinic_id = app_current_clinic());

    ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
    ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
    -- A clinic sees its own chain plus installation-level events (sign-ins) of its own members.
    CREATE POLICY audit_event_read ON audit_event FOR SELECT TO ketacare_app
      USING (clinic_id = app_current_clinic()
             OR (clinic_id IS NULL AND actor_user_id IN (SELECT user_id FROM membership)));
    CREATE POLICY audit_event_write ON audit_event FOR INSERT TO ketacare_app
      WITH CHECK (clinic_id = app_current_clinic());

    -- The owner (migrations, CLI, sign-in) bypasses none of this by accident: FORCE applies RLS to
    -- the owner too, so the owner gets explicit policies for its installation-wide work.
    CREATE POLICY clinic_owner ON clinic TO CURRENT_USER USING (true) WITH CHECK (true);
    CREATE POLICY membership_owner ON membership TO CURRENT_USER USING (true) WITH CHECK (true);
    CREATE POLICY audit_event_owner ON audit_event TO CURRENT_USER USING (true) WITH CHECK (true);

    GRANT SELECT ON organization TO ketacare_app;
    GRANT SELECT, INSERT ON app_user TO ketacare_app;
    GRANT UPDATE (display_name, is_active, version) ON app_user TO ketacare_app;
    GRANT SELECT ON login_session TO ketacare_app;
    GRANT UPDATE (ended_at) ON login_session TO ketacare_app;
    GRANT SELECT, UPDATE ON clinic TO ketacare_app;
    GRANT SELECT, INSERT, UPDATE ON membership TO ketacare_app;
    GRANT SELECT, INSERT ON audit_event TO ketacare_app;
    GRANT SELECT, DELETE ON mfa_secret TO ketacare_app;
    GRANT EXECUTE ON FUNCTION app_current_clinic() TO ketacare_app;
  `)
