import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Controlled-substance ledger (issue 6, clinical-reference §8). Every quantity is milligrams of the
// drug as labelled — for esketamine too (one device = 28 mg) — in exact `numeric`. Entries are
// append-only and hash-chained per clinic; a lot's running balance is stored on each entry and may
// never be negative. `lot_seq` numbers a lot's entries, so two writers that read the same balance
// cannot both append (the unique key refuses the second) even if the service's lock were bypassed.

const quantity = 'numeric(18, 6)'

export const up = sqlMigration(`
    CREATE TABLE cs_lot (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      drug text NOT NULL CHECK (drug IN ('racemic-ketamine', 'esketamine')),
      ndc text NOT NULL CHECK (ndc ~ '^[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}$'),
      product text NOT NULL CHECK (length(product) BETWEEN 1 AND 200),
      -- mg per mL (vials) or mg per device (nasal spray)
      strength_mg ${quantity} NOT NULL CHECK (strength_mg > 0),
      unit text NOT NULL CHECK (unit IN ('mL', 'device')),
      units_per_container ${quantity} NOT NULL CHECK (units_per_container > 0),
      lot_number text NOT NULL CHECK (length(lot_number) BETWEEN 1 AND 40),
      expires_on date NOT NULL,
      container_numbers text[] NOT NULL DEFAULT '{}',
      supplier_name text NOT NULL CHECK (length(supplier_name) BETWEEN 1 AND 200),
      supplier_address text NOT NULL CHECK (length(supplier_address) BETWEEN 1 AND 500),
      supplier_dea text NOT NULL CHECK (supplier_dea ~ '^[A-Z][A-Z0-9][0-9]{7}$'),
      invoice_number text NOT NULL CHECK (length(invoice_number) BETWEEN 1 AND 60),
      received_at timestamptz NOT NULL,
      received_by uuid NOT NULL REFERENCES app_user(id),
      witness_user_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      UNIQUE (clinic_id, ndc, lot_number)
    );
    ${clinicTableSql('cs_lot', { grants: 'SELECT, INSERT', appendOnly: true })}

    CREATE TABLE cs_discrepancy (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      lot_id uuid NOT NULL REFERENCES cs_lot(id),
      opened_at timestamptz NOT NULL,
      opened_by uuid NOT NULL REFERENCES app_user(id),
      expected ${quantity} NOT NULL,
      counted ${quantity} NOT NULL,
      difference ${quantity} NOT NULL CHECK (difference <> 0 AND difference = counted - expected),
      status text NOT NULL CHECK (status IN ('open', 'resolved')),
      resolution text CHECK (resolution IN ('adjustment', 'recount', 'loss-report')),
      resolved_at timestamptz,
      resolved_by uuid REFERENCES app_user(id),
      resolution_reason text,
      version integer NOT NULL DEFAULT 1,
      CHECK ((status = 'open') = (resolved_at IS NULL)),
      CHECK ((status = 'open') = (resolution IS NULL))
    );
    CREATE INDEX cs_discrepancy_open_idx ON cs_discrepancy (clinic_id, opened_at) WHERE status = 'open';
    ${clinicTableSql('cs_discrepancy', {
      grants:
        'SELECT, INSERT, UPDATE (status, resolution, resolved_at, resolved_by, resolution_reason, version)',
    })}

    CREATE TABLE cs_entry (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      lot_id uuid NOT NULL REFERENCES cs_lot(id),
      lot_seq integer NOT NULL CHECK (lot_seq >= 1),
      kind text NOT NULL CHECK (kind IN ('receive', 'administer', 'waste', 'breakage', 'return', 'transfer',
        'count', 'adjustment', 'loss')),
      -- what was entered: the amount moved, or the amount counted for a count
      quantity ${quantity} NOT NULL CHECK (quantity >= 0 OR kind = 'adjustment'),
      change ${quantity} NOT NULL,
      balance_after ${quantity} NOT NULL CHECK (balance_after >= 0),
      actor_user_id uuid NOT NULL REFERENCES app_user(id),
      actor_name text NOT NULL,
      witness_user_id uuid REFERENCES app_user(id),
      witness_name text,
      witness_signature_hash text,
      reason text,
      -- null for administrations recorded before the sessions module existed (demo history)
      session_id uuid REFERENCES treatment_session(id),
      patient_id uuid REFERENCES patient(id),
      discrepancy_id uuid REFERENCES cs_discrepancy(id),
      expected ${quantity},
      counted ${quantity},
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      UNIQUE (lot_id, lot_seq),
      UNIQUE (clinic_id, prev_hash),
      CHECK (witness_user_id IS NULL OR witness_user_id <> actor_user_id),
      CHECK ((witness_user_id IS NULL) = (witness_signature_hash IS NULL)),
      CHECK (kind <> 'breakage' OR witness_user_id IS NOT NULL),
      CHECK (kind NOT IN ('waste', 'breakage', 'adjustment', 'loss') OR reason IS NOT NULL),
      CHECK (kind <> 'administer' OR patient_id IS NOT NULL),
      CHECK (kind <> 'adjustment' OR discrepancy_id IS NOT NULL),
      CHECK (kind <> 'count' OR (counted IS NOT NULL AND expected IS NOT NULL))
    );
    CREATE INDEX cs_entry_clinic_seq_idx ON cs_entry (clinic_id, seq);
    CREATE INDEX cs_entry_lot_seq_idx ON cs_entry (lot_id, lot_seq);
    CREATE INDEX cs_entry_kind_at_idx ON cs_entry (clinic_id, kind, at);
    ${clinicTableSql('cs_entry', { grants: 'SELECT, INSERT', appendOnly: true })}
    CREATE TRIGGER cs_entry_no_truncate BEFORE TRUNCATE ON cs_entry
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

    CREATE TABLE cs_loss_report (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      lot_id uuid NOT NULL REFERENCES cs_lot(id),
      entry_id uuid NOT NULL UNIQUE REFERENCES cs_entry(id),
      discrepancy_id uuid REFERENCES cs_discrepancy(id),
      kind text NOT NULL CHECK (kind IN ('theft', 'significant-loss', 'in-transit-loss')),
      discovered_at timestamptz NOT NULL,
      discovered_on date NOT NULL,
      description text NOT NULL CHECK (length(description) BETWEEN 3 AND 4000),
      quantity ${quantity} NOT NULL CHECK (quantity > 0),
      dea_notice_due_on date NOT NULL,
      form_106_due_on date NOT NULL,
      notice_sent_at timestamptz,
      notice_sent_by uuid REFERENCES app_user(id),
      notice_reference text,
      form_106_filed_at timestamptz,
      form_106_filed_by uuid REFERENCES app_user(id),
      form_106_reference text,
      created_at timestamptz NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1
    );
    ${clinicTableSql('cs_loss_report', {
      grants:
        'SELECT, INSERT, UPDATE (notice_sent_at, notice_sent_by, notice_reference, form_106_filed_at, form_106_filed_by, form_106_reference, version)',
    })}
  `)
