import { readFileSync } from 'node:fs'
import type { Selectable } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { AuditEventTable, ConsentTextTable, CsEntryTable } from '../../db'
import { canonicalize } from '../../domain/ledger/hash-chain'
import { verifyLedgerRows } from '../features/ledger/verify-chains'
import { sha256Hex } from '../sha256'
import { verifyAuditRows } from './verify-audit'

// Rows written by the demo seed with the plain-TypeScript SHA-256 that @noble/hashes and
// node:crypto replaced (issue 15): Hillcrest's whole audit chain, both clinics' ledger chains and
// the consent texts, as the database returned them. A chain already stored must still verify.
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/demo-chains-before-noble.json', import.meta.url), 'utf8'),
  (key, value) => (['at', 'recorded_at', 'created_at'].includes(key) ? new Date(value) : value),
) as {
  auditEvents: Selectable<AuditEventTable>[]
  ledgerEntries: Selectable<CsEntryTable>[]
  consentTexts: Selectable<ConsentTextTable>[]
}

function byClinic<T extends { clinic_id: string }>(rows: T[]): T[][] {
  const chains = new Map<string, T[]>()
  for (const r of rows) chains.set(r.clinic_id, [...(chains.get(r.clinic_id) ?? []), r])
  return [...chains.values()]
}

describe('hash chains written before the SHA-256 change', () => {
  it('verifies the stored audit chain link by link, ending at its stored head', () => {
    const rows = fixture.auditEvents
    expect(verifyAuditRows(rows)).toEqual({ ok: true, checked: rows.length, lastHash: rows.at(-1)!.hash })
  })

  it.each(byClinic(fixture.ledgerEntries).map((rows) => [rows.length, rows] as const))(
    'verifies a stored ledger chain of %i entries and replays its balances',
    (count, rows) => {
      expect(verifyLedgerRows(rows)).toEqual({ ok: true, checked: count, lastHash: rows.at(-1)!.hash })
    },
  )

  it('recomputes the stored content hash of each consent text', () => {
    for (const t of fixture.consentTexts)
      expect(sha256Hex(canonicalize({ title: t.title, body: t.body }))).toBe(t.content_hash)
  })

  it('still names an altered event, so the check above can fail', () => {
    const rows = fixture.auditEvents.map((r, i) => (i === 40 ? { ...r, actor_email: 'someone@else.org' } : r))
    expect(verifyAuditRows(rows)).toMatchObject({ ok: false, checked: 40, reason: 'hash-mismatch' })
  })
})
