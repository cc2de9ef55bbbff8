import { type Kysely, sql } from 'kysely'

// A cheap fingerprint of every row the app keeps, to show that a refused request changed nothing:
// per table the row count and a sum of row hashes (hashtext of the row as text, so any changed
// column shows). Read as the table owner, which sees every clinic.

/** Tables a refusal may legitimately touch: the audit trail records denials and failed sign-ins,
 * sessions record when they were last used, and a wrong signing password or code is counted
 * (issue 13). */
const touchedByRefusals = new Set(['audit_event', 'login_session', 'portal_session', 'reauth_failure'])
/** Columns a refusal may change: a wrong signing password counts toward the signer's lockout. */
const countersOf: Record<string, string[]> = {
  app_user: ['failed_login_count', 'lock_count', 'locked_until'],
}
const rowText = (table: string) =>
  countersOf[table]
    ? `(to_jsonb(x) - ${countersOf[table].map((c) => `'${c}'`).join(' - ')})::text`
    : 'x::text'

export async function fingerprintQuery(db: Kysely<unknown>): Promise<() => Promise<Map<string, string>>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db)
  const names = tables.rows.map((r) => r.table_name).filter((n) => !touchedByRefusals.has(n))
  const query = names
    .map(
      (n) =>
        `SELECT '${n}' AS t, count(*)::text || ':' || coalesce(sum(hashtext(${rowText(n)})::bigint), 0)::text AS f FROM "${n}" x`,
    )
    .join(' UNION ALL ')
  return async () => {
    const result = await sql<{ t: string; f: string }>`${sql.raw(query)}`.execute(db)
    return new Map(result.rows.map((r) => [r.t, r.f]))
  }
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t))
}
