import { type Kysely, sql } from 'kysely'

/**
 * Splits a migration script into statements on `;` outside quotes, dollar-quoted bodies and
 * comments. Needed because PGlite (like any extended-protocol client) runs one statement per call.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = []
  let current = ''
  let i = 0
  while (i < script.length) {
    const ch = script[i]!
    if (ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i)
      i = end === -1 ? script.length : end + 1
      continue
    }
    if (ch === "'") {
      const end = script.indexOf("'", i + 1)
      const stop = end === -1 ? script.length : end + 1
      current += script.slice(i, stop)
      i = stop
      continue
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0]
      if (tag) {
        const end = script.indexOf(tag, i + tag.length)
        const stop = end === -1 ? script.length : end + tag.length
        current += script.slice(i, stop)
        i = stop
        continue
      }
    }
    if (ch === ';') {
      if (current.trim()) statements.push(current.trim())
      current = ''
      i++
      continue
    }
    current += ch
    i++
  }
  if (current.trim()) statements.push(current.trim())
  return statements
}

async function runSqlScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitSqlScript(script)) await sql.raw(statement).execute(db)
}

/**
 * A migration that is one SQL script: `export const up = sqlMigration(\`…\`)`. Typed against
 * `Kysely<unknown>`, so it stays frozen whatever today's schema is.
 */
export function sqlMigration(script: string): (db: Kysely<unknown>) => Promise<void> {
  return (db) => runSqlScript(db, script)
}
