import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db'

// What a backup holds: every table of the `public` schema but Kysely's own bookkeeping (a restore
// rebuilds that by running the same migrations), in foreign-key order so a restore can insert
// table by table with the constraints checked. Ties are broken by name so the order is stable.

const migrationTables = new Set(['kysely_migration', 'kysely_migration_lock'])

export interface TableInfo {
  name: string
  /** Columns a restore writes: all but generated ones. */
  columns: string[]
  /** Identity columns whose sequence must continue after the restored values. */
  identityColumns: string[]
}

export async function listTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string; generated: string; identity: string }>`
    SELECT c.relname AS table, a.attname AS column, a.attgenerated::text AS generated,
           a.attidentity::text AS identity
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname, a.attnum`.execute(db)
  const references = await sql<{ child: string; parent: string }>`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint k
      JOIN pg_class child ON child.oid = k.conrelid
      JOIN pg_class parent ON parent.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`.execute(db)
  const tables = new Map<string, TableInfo>()
  for (const row of columns.rows) {
    if (migrationTables.has(row.table)) continue
    const table = tables.get(row.table) ?? { name: row.table, columns: [], identityColumns: [] }
    if (row.generated === '') table.columns.push(row.column)
    if (row.identity !== '') table.identityColumns.push(row.column)
    tables.set(row.table, table)
  }
  const parents = new Map<string, Set<string>>()
  for (const { child, parent } of references.rows) {
    if (!parents.has(child)) parents.set(child, new Set())
    parents.get(child)!.add(parent)
  }
  const ordered: TableInfo[] = []
  const done = new Set<string>()
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name) || !tables.has(name)) return
    path.add(name)
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, path)
    path.delete(name)
    done.add(name)
    ordered.push(tables.get(name)!)
  }
  for (const name of [...tables.keys()].sort()) visit(name, new Set())
  return ordered
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
