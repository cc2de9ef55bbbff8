import { sqlMigration } from '../sql-script'

// Issue 17: audit events are appended unsealed in the request's transaction (no chain lock on the
// request path) and a background sealer links them into their chain in the order their
// transactions became visible (src/server/audit/seal-audit.ts). `chain_seq` is an event's place in
// its chain, written with `prev_hash`/`hash` at sealing; rows sealed before this migration keep
// their links and take their `seq` as their place, so stored chains verify byte for byte.
//
// The table stays append-only: the one change allowed is sealing an unsealed row (its three seal
// columns from NULL to values, every other column unchanged). The app role may insert events but
// not their seal columns.
//
// Also (issue 17, FHIR search): keyset pages of a patient's observations read `(patient_id, id)`.
export const up = sqlMigration(`
    ALTER TABLE audit_event ADD COLUMN chain_seq bigint;
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
    UPDATE audit_event SET chain_seq = seq;
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
    ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
    ALTER TABLE audit_event ADD CONSTRAINT audit_event_seal_whole
      CHECK ((hash IS NULL) = (prev_hash IS NULL) AND (hash IS NULL) = (chain_seq IS NULL));
    -- One event per place and one successor per link: a chain cannot fork.
    CREATE UNIQUE INDEX audit_event_chain_seq_idx ON audit_event (clinic_id, chain_seq) NULLS NOT DISTINCT
      WHERE chain_seq IS NOT NULL;
    CREATE UNIQUE INDEX audit_event_chain_link_idx ON audit_event (clinic_id, prev_hash) NULLS NOT DISTINCT
      WHERE prev_hash IS NOT NULL;
    CREATE INDEX audit_event_unsealed_idx ON audit_event (clinic_id, seq) WHERE hash IS NULL;

    CREATE FUNCTION audit_event_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
         AND to_jsonb(OLD) - '{prev_hash,hash,chain_seq}'::text[] = to_jsonb(NEW) - '{prev_hash,hash,chain_seq}'::text[]
      THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_event is append-only: % refused (only sealing an unsealed event is allowed)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    DROP TRIGGER audit_event_append_only ON audit_event;
    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_seal_only();

    REVOKE INSERT ON audit_event FROM ketacare_app;
    GRANT INSERT (id, at, actor_user_id, actor_email, clinic_id, action, entity, entity_id, outcome, ip, detail)
      ON audit_event TO ketacare_app;

    CREATE INDEX vital_sign_patient_id_idx ON vital_sign (patient_id, id);
    CREATE INDEX body_measurement_patient_id_idx ON body_measurement (patient_id, id);
    CREATE INDEX instrument_response_patient_id_idx ON instrument_response (patient_id, id);
  `)
