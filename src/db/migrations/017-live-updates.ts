import { sqlMigration } from '../sql-script'
import { statementTriggersSql } from '../statement-triggers-sql'

// Live updates (issue 13): every change a board or chair-side screen shows sends one PostgreSQL
// notification, `ketacare_live`, with `clinic:session` (session empty when the change is not tied
// to one, e.g. a safety alert). Triggers rather than calls in the services, so no write path can
// forget; NOTIFY is transactional (sent at commit, dropped on rollback) and PostgreSQL folds
// identical payloads of one transaction into one. Statement-level with a transition table, so a
// bulk insert costs one notification per session, not one per row. The bulk seed runs with
// `session_replication_role = replica`, which skips these triggers, as it should.

const channel = 'ketacare_live'

const liveTriggers = (table: string, sessionColumn: string) =>
  statementTriggersSql(table, 'live', 'notify_live', sessionColumn)

export const up = sqlMigration(`
    CREATE FUNCTION notify_live() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      payload text;
    BEGIN
      FOR payload IN EXECUTE format(
        'SELECT DISTINCT clinic_id::text || '':'' || coalesce(%s::text, '''') FROM changed',
        CASE WHEN TG_ARGV[0] = '' THEN 'NULL' ELSE quote_ident(TG_ARGV[0]) END)
      LOOP
        PERFORM pg_notify('${channel}', payload);
      END LOOP;
      RETURN NULL;
    END $$;
    ${liveTriggers('treatment_session', 'id')}
    ${liveTriggers('session_event', 'session_id')}
    ${liveTriggers('vital_sign', 'session_id')}
    ${liveTriggers('side_effect', 'session_id')}
    ${liveTriggers('instrument_response', 'session_id')}
    ${liveTriggers('safety_alert', '')}
    `)
