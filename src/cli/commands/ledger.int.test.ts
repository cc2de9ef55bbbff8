import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { bufferIo, cliTestDatabase } from '../../../test/support/cli'
import { type DatabaseHandle, openDatabase } from '../../db'
import { runCli } from '../run-cli'

type CliEnv = Awaited<ReturnType<typeof cliTestDatabase>>['env']
type LedgerTools = ReturnType<typeof ledgerTools>

/** `ledger verify` on the CLI's database, and a way to change that database behind its back. */
function ledgerTools(env: CliEnv, keepOpen: DatabaseHandle | undefined) {
  /** Runs `change` on the database directly, as someone with the owner's password could. */
  const tamper = async (change: (db: DatabaseHandle) => Promise<void>) => {
    const db = keepOpen ?? (await openDatabase({ dataDir: env.KETACARE_DATA_DIR }))
    await sql`ALTER TABLE cs_entry DISABLE TRIGGER cs_entry_append_only`.execute(db.db)
    await change(db)
    await sql`ALTER TABLE cs_entry ENABLE TRIGGER cs_entry_append_only`.execute(db.db)
    if (!keepOpen) await db.close()
  }
  const verify = async () => {
    const run = bufferIo(env)
    const code = await runCli(['ledger', 'verify'], run.io)
    return { code, text: run.text() }
  }
  return { tamper, verify }
}

/** The reports: administrations as CSV, every kind as PDF, an inventory and the discrepancies. */
async function expectReports(env: CliEnv, outDir: string) {
  const csv = bufferIo(env)
  expect(
    await runCli(
      ['ledger', 'report', '--kind', 'administrations', '--clinic', 'riverside ketamine clinic'],
      csv.io,
    ),
  ).toBe(0)
  const [header, ...rows] = csv.text().trim().split('\r\n')
  expect(header).toBe('Date and time,Patient,MRN,Address,Drug,Lot,Quantity (mg),Form,Given by')
  expect(rows.length).toBeGreaterThan(5)
  expect(csv.text()).toMatch(/Jordan Avery,RK-2024-0107,"418 Maple Grove Avenue, Columbus, OH 43215"/)
  expect(csv.text()).toMatch(/Grace Kim,RK-2024-0112,.*,Esketamine,SP4415,(56|84),(2|3) devices/)

  for (const kind of ['inventory', 'waste', 'discrepancies']) {
    const out = join(outDir, `${kind}.pdf`)
    const pdf = bufferIo(env)
    expect(
      await runCli(
        [
          'ledger',
          'report',
          '--kind',
          kind,
          '--clinic',
          'Hillcrest Mood Center',
          '--format',
          'pdf',
          '--out',
          out,
        ],
        pdf.io,
      ),
    ).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
  }
  const inventory = bufferIo(env)
  await runCli(
    [
      'ledger',
      'report',
      '--kind',
      'inventory',
      '--clinic',
      'Riverside Ketamine Clinic',
      '--inventory-type',
      'biennial',
      '--timing',
      'opening',
    ],
    inventory.io,
  )
  expect(inventory.text()).toMatch(/KX2201,\d{4}-\d{2}-\d{2},50 mg\/mL,\d+(\.\d+)?,\d+(\.\d+)? mL/)
  const discrepancies = bufferIo(env)
  await runCli(
    ['ledger', 'report', '--kind', 'discrepancies', '--clinic', 'Riverside Ketamine Clinic'],
    discrepancies.io,
  )
  expect(discrepancies.text()).toMatch(/KX2201,.*,-1\.5,.*resolved \(adjustment\)/)
}

/** A bad kind, a missing clinic and PDF without --out are usage errors; --help is not. */
async function expectReportUsage(env: CliEnv) {
  const bad = bufferIo(env)
  expect(await runCli(['ledger', 'report', '--kind', 'everything'], bad.io)).toBe(2)
  expect(bad.text()).toMatch(/--kind must be one of inventory, administrations, waste, discrepancies/)
  const noClinic = bufferIo(env)
  expect(await runCli(['ledger', 'report', '--kind', 'waste'], noClinic.io)).toBe(2)
  expect(noClinic.text()).toMatch(
    /--clinic is required; clinics: Hillcrest Mood Center, Riverside Ketamine Clinic/,
  )
  expect(await runCli(['ledger', 'report', '--kind', 'waste', '--format', 'pdf'], bufferIo(env).io)).toBe(2)
  const help = bufferIo(env)
  expect(await runCli(['ledger', 'report', '--help'], help.io)).toBe(0)
  expect(help.text()).toMatch(/^Usage: ketacare ledger report --kind KIND/)
}

/** Each way of tampering with the ledger is named by `ledger verify`. */
async function expectTamperingNamed({ tamper, verify }: LedgerTools) {
  // 1. An administration's quantity edited in place: the hash no longer matches.
  let target = ''
  await tamper(async (db) => {
    const { rows } = await sql<{ id: string }>`
      SELECT e.id FROM cs_entry e JOIN clinic c ON c.id = e.clinic_id
      WHERE c.name LIKE 'Riverside%' AND e.kind = 'administer' ORDER BY e.seq LIMIT 1 OFFSET 2`.execute(db.db)
    target = rows[0]!.id
    await sql`UPDATE cs_entry SET quantity = quantity - 1 WHERE id = ${target}`.execute(db.db)
  })
  const edited = await verify()
  expect(edited.code).toBe(1)
  expect(edited.text).toContain(`BROKEN  Riverside Ketamine Clinic: entry ${target}`)
  expect(edited.text).toMatch(/content does not match its stored hash/)
  expect(edited.text).toMatch(/ok {6}Hillcrest Mood Center/)
  expect(edited.text).toMatch(/Ledger FAILED verification/)
  await tamper(async (db) => {
    await sql`UPDATE cs_entry SET quantity = quantity + 1 WHERE id = ${target}`.execute(db.db)
  })
  expect((await verify()).code).toBe(0)

  // 2. The last entry cut off: no later link notices, but the audit trail recorded it.
  await tamper(async (db) => {
    const { rows } = await sql<{ id: string }>`
      SELECT e.id FROM cs_entry e JOIN clinic c ON c.id = e.clinic_id
      WHERE c.name LIKE 'Hillcrest%' ORDER BY e.seq DESC LIMIT 1`.execute(db.db)
    target = rows[0]!.id
    await sql`DELETE FROM cs_loss_report WHERE entry_id = ${target}`.execute(db.db)
    await sql`DELETE FROM cs_entry WHERE id = ${target}`.execute(db.db)
  })
  const cut = await verify()
  expect(cut.code).toBe(1)
  expect(cut.text).toContain(`BROKEN  Hillcrest Mood Center: entry ${target} is recorded in the audit trail`)

  // 3. An entry removed from the middle: the next entry's link points at nothing.
  let next = ''
  await tamper(async (db) => {
    const { rows } = await sql<{ id: string }>`
      SELECT e.id FROM cs_entry e JOIN clinic c ON c.id = e.clinic_id
      WHERE c.name LIKE 'Riverside%' ORDER BY e.seq LIMIT 2 OFFSET 10`.execute(db.db)
    next = rows[1]!.id
    await sql`DELETE FROM cs_entry WHERE id = ${rows[0]!.id}`.execute(db.db)
  })
  const removed = await verify()
  expect(removed.code).toBe(1)
  expect(removed.text).toContain(`BROKEN  Riverside Ketamine Clinic: entry ${next}`)
  expect(removed.text).toMatch(/missing, reordered or altered/)
}

describe('ketacare ledger verify and ledger report', () => {
  it('reports the demo ledger, and names an entry edited, cut from the end or removed behind its back', async () => {
    const { env, postgres: keepOpen } = await cliTestDatabase()
    const outDir = mkdtempSync(join(tmpdir(), 'ketacare-report-'))
    const tools = ledgerTools(env, keepOpen)
    try {
      expect(await runCli(['seed'], bufferIo(env).io)).toBe(0)
      const ok = await tools.verify()
      expect(ok.text).toMatch(/ok {6}Hillcrest Mood Center: \d+ entries/)
      expect(ok.text).toMatch(/ok {6}Riverside Ketamine Clinic: \d+ entries/)
      expect(ok.text).toMatch(/Ledger intact \(2 clinics\)/)
      expect(ok.code).toBe(0)

      await expectReports(env, outDir)
      await expectReportUsage(env)
      await expectTamperingNamed(tools)
    } finally {
      await keepOpen?.close()
      rmSync(outDir, { recursive: true, force: true })
      if (env.KETACARE_DATA_DIR) rmSync(env.KETACARE_DATA_DIR, { recursive: true, force: true })
    }
  })
})
