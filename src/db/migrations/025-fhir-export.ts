import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Bulk Data `$export` jobs (issue 17): a kick-off queues a row, a server's worker claims it
// (FOR UPDATE SKIP LOCKED, like the outbox) and writes one NDJSON file per type under the data
// folder; the row keeps who asked (only they may poll, fetch or cancel), the counts and the expiry.

export const up = sqlMigration(`
    CREATE TABLE fhir_export_job (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      requested_by text NOT NULL,
      requested_by_email text NOT NULL,
      request_url text NOT NULL,
      level text NOT NULL CHECK (level IN ('system', 'group', 'patient')),
      types jsonb NOT NULL,
      since timestamptz,
      patient_ids jsonb,
      status text NOT NULL
        CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'expired')),
      progress text,
      output jsonb NOT NULL DEFAULT '[]',
      error text,
      claimed_by text,
      claimed_at timestamptz,
      transaction_time timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      completed_at timestamptz,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX fhir_export_job_queued_idx ON fhir_export_job (created_at) WHERE status = 'queued';
    ${clinicTableSql('fhir_export_job', { grants: 'SELECT, INSERT, UPDATE' })}
  `)
