import { type Selectable, sql } from 'kysely'
import type { CsLotTable } from '../../../db'
import { hasPermission } from '../../../domain/access/permissions'
import {
  formatQuantity,
  givenFromDispense,
  parseQuantity,
  type SessionDoseAccount,
  sessionDoseAccount,
} from '../../../domain/ledger'
import { clinicDateOf } from '../../../domain/time'
import type { ClinicScope } from '../../clinic-scope'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { findSession } from '../sessions/store'
import { appendEntry } from './append-entry'
import { describeLot, drugLabels } from './lot-view'
import { invalidField, type LedgerScope, ledgerOperation, positiveMg, withLedgerContext } from './scope'
import { findLot, requirePatient, requireSession } from './store'
import { signAsWitness, type WitnessInput } from './witness'

// A session's dose in the ledger (issue 14 B, clinical-reference §8). Drawing the dose at the chair
// is a `dispense`: the drawn milligrams leave the lot. When delivery ends (the pump is stopped or
// completes, the session finishes dosing, is aborted or cancelled) an `administer` entry records
// what the pump record says was given; whatever was drawn and not given is owed as a witnessed
// waste linked to the session, and discharge is refused until it is recorded. The administration
// and the waste settle the dispense (their detail names it) and move no stock.

const ensureWriter = (scope: ClinicScope) => {
  if (!hasPermission(scope.membership.role, 'ledger:write'))
    throw new AppError(
      'forbidden',
      `Your role (${scope.membership.role}) does not allow ledger:write in this clinic.`,
    )
}

/** A lot may be drawn through its expiry date, in the clinic's own calendar (409 naming `lotId`). */
export function refuseExpired(lot: Selectable<CsLotTable>, at: Date, timeZone: string): void {
  if (lot.expires_on < clinicDateOf(at, timeZone))
    throw new AppError('conflict', `${describeLot(lot)} expired on ${lot.expires_on}; it cannot be drawn.`, {
      fieldErrors: [{ field: 'lotId', message: `expired on ${lot.expires_on}` }],
      extra: { lotId: lot.id, lotNumber: lot.lot_number, expiresOn: lot.expires_on },
    })
}

/**
 * The concentration the dose was calculated with (typed at the chair) must be the lot's: a 10 mg/mL
 * calculation drawn from a 50 mg/mL vial gives five times the volume. 400 naming
 * `concentrationMgPerMl` and the lot's value.
 */
export function refuseConcentrationMismatch(
  lot: Selectable<CsLotTable>,
  concentrationMgPerMl: string | null,
): void {
  if (lot.unit !== 'mL') return
  const lotValue = formatQuantity(parseQuantity(lot.strength_mg))
  if (concentrationMgPerMl === null || parseQuantity(concentrationMgPerMl) !== parseQuantity(lotValue))
    throw new AppError(
      'validation-failed',
      concentrationMgPerMl === null
        ? `Lot ${lot.lot_number} is ${lotValue} mg/mL: set the dose with this concentration first.`
        : `The dose was calculated for ${formatQuantity(parseQuantity(concentrationMgPerMl))} mg/mL, but lot ${lot.lot_number} is ${lotValue} mg/mL. Recalculate the dose with ${lotValue} mg/mL, or draw from a ${formatQuantity(parseQuantity(concentrationMgPerMl))} mg/mL lot.`,
      {
        fieldErrors: [
          {
            field: 'concentrationMgPerMl',
            message: `must match lot ${lot.lot_number}: ${lotValue} mg/mL`,
          },
        ],
        extra: { lotId: lot.id, lotNumber: lot.lot_number, lotConcentrationMgPerMl: lotValue },
      },
    )
}

export interface DispenseInput {
  lotId: string
  /** Decimal text, mg: the dose drawn. */
  quantity: string
  sessionId: string
  patientId: string
  /** The concentration the dose was calculated with, decimal text (vials); null if none was given. */
  concentrationMgPerMl: string | null
  at?: Date
}

/**
 * For the sessions feature, inside its transaction: the dose drawn at the chair leaves the lot as
 * a `dispense` entry. Refuses an expired lot, a concentration other than the lot's, a draw past
 * the lot's balance, a role without ledger:write.
 */
export async function dispenseForSession(
  scope: ClinicScope,
  input: DispenseInput,
): Promise<{ entryId: string; balanceAfter: string }> {
  ensureWriter(scope)
  return withLedgerContext(scope, async (ledger) => {
    const lot = await findLot(ledger.tx, ledger.clinicId, input.lotId)
    const quantity = positiveMg(input.quantity)
    const at = input.at ?? ledger.now
    refuseExpired(lot, at, ledger.timeZone)
    refuseConcentrationMismatch(lot, input.concentrationMgPerMl)
    await requirePatient(ledger.tx, ledger.clinicId, input.patientId)
    await requireSession(ledger.tx, ledger.clinicId, input.sessionId, input.patientId)
    const { entry } = await appendEntry(ledger, {
      lot,
      kind: 'dispense',
      quantity,
      at,
      sessionId: input.sessionId,
      patientId: input.patientId,
      detail: input.concentrationMgPerMl
        ? { concentrationMgPerMl: formatQuantity(parseQuantity(input.concentrationMgPerMl)) }
        : {},
    })
    return { entryId: entry.id, balanceAfter: formatQuantity(parseQuantity(entry.balance_after)) }
  })
}

export interface SessionDoseLot {
  dispenseEntryId: string
  lotId: string
  lotNumber: string
  drugLabel: string
  drawnMg: string
  givenMg: string | null
  wastedMg: string
  owedMg: string
}

export interface SessionDose extends Omit<SessionDoseAccount, 'lots'> {
  lots: SessionDoseLot[]
}

/** The session's dispenses, administrations and wastes, and what is owed. */
export async function loadSessionDose(tx: Tx, clinicId: string, sessionId: string): Promise<SessionDose> {
  const rows = await tx
    .selectFrom('cs_entry as e')
    .innerJoin('cs_lot as l', 'l.id', 'e.lot_id')
    .select(['e.id', 'e.lot_id', 'e.kind', 'e.quantity', 'e.detail', 'l.lot_number', 'l.drug'])
    .where('e.clinic_id', '=', clinicId)
    .where('e.session_id', '=', sessionId)
    .where('e.kind', 'in', ['dispense', 'administer', 'waste'])
    .orderBy('e.seq')
    .execute()
  const account = sessionDoseAccount(
    rows.map((r) => ({
      id: r.id,
      lotId: r.lot_id,
      kind: r.kind,
      quantity: r.quantity,
      dispenseEntryId:
        typeof (r.detail as { dispenseEntryId?: unknown }).dispenseEntryId === 'string'
          ? (r.detail as { dispenseEntryId: string }).dispenseEntryId
          : null,
    })),
  )
  return {
    ...account,
    lots: account.lots.map((a) => {
      const lot = rows.find((r) => r.lot_id === a.lotId)!
      return { ...a, lotNumber: lot.lot_number, drugLabel: drugLabels[lot.drug] }
    }),
  }
}

/**
 * Delivery has ended: records as given what the pump delivered (`deliveredMg`, from the infusion
 * record; never more than was drawn), settling each dispense not yet settled. Nothing given is
 * recorded as a zero administration, so the record says so. Idempotent: a settled dispense is
 * left alone (corrections are new entries).
 */
export async function settleSessionDose(
  scope: ClinicScope,
  input: { sessionId: string; patientId: string; deliveredMg: number; at: Date },
): Promise<SessionDose> {
  const before = await loadSessionDose(scope.tx, scope.clinicId, input.sessionId)
  const open = before.lots.filter((l) => l.givenMg === null)
  if (open.length === 0) return before
  let remaining = input.deliveredMg
  await withLedgerContext(scope, async (ledger) => {
    for (const account of open) {
      const given = givenFromDispense(account.drawnMg, Math.max(0, remaining))
      remaining -= Number(given)
      const lot = await findLot(ledger.tx, ledger.clinicId, account.lotId)
      await appendEntry(ledger, {
        lot,
        kind: 'administer',
        quantity: parseQuantity(given),
        at: input.at,
        sessionId: input.sessionId,
        patientId: input.patientId,
        detail: { dispenseEntryId: account.dispenseEntryId, drawnMg: account.drawnMg, source: 'pump record' },
      })
    }
  })
  return loadSessionDose(scope.tx, scope.clinicId, input.sessionId)
}

/** 409 naming each owed waste ("27.9 mg of lot KX2391"), for discharge and closing a session. */
export async function requireNoWasteOwed(
  scope: ClinicScope,
  sessionId: string,
  doing: string,
): Promise<void> {
  const dose = await loadSessionDose(scope.tx, scope.clinicId, sessionId)
  const owed = dose.lots.filter((l) => parseQuantity(l.owedMg) > 0n)
  if (owed.length === 0) return
  const named = owed.map((l) => `${l.owedMg} mg of lot ${l.lotNumber}`).join(' and ')
  throw new AppError(
    'conflict',
    `Waste owed: ${named} was drawn and not given. Record its witnessed waste before ${doing}.`,
    {
      fieldErrors: owed.map((l) => ({
        field: 'wasteOwed',
        message: `${l.owedMg} mg of lot ${l.lotNumber} to be wasted with a witness`,
      })),
      extra: { wasteOwed: owed },
    },
  )
}

async function sessionPatient(scope: LedgerScope, sessionId: string): Promise<string> {
  const session = await findSession(scope.tx, scope.clinicId, sessionId)
  if (!session) throw new AppError('not-found', 'No such treatment session in this clinic.')
  return session.patient_id
}

/** What the session page shows: drawn, given, wasted and owed per lot. Audited as a read. */
export const getSessionDose = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.session-dose.read' },
  async (scope, sessionId: string) => {
    const patientId = await sessionPatient(scope, sessionId)
    const dose = await loadSessionDose(scope.tx, scope.clinicId, sessionId)
    await scope.audit({
      action: 'ledger.session-dose.read',
      entity: 'treatment_session',
      entityId: sessionId,
      detail: { patientId, owedMg: dose.owedMg },
    })
    return dose
  },
)

export interface SessionWasteInput {
  lotId: string
  /** Must be exactly what is owed for the lot: both people see and sign the same amount. */
  quantity: string
  method?: string | null | undefined
  reason?: string | null | undefined
  witness: WitnessInput
}

/**
 * The witnessed waste of what was drawn for a session and not given: a second licensed member
 * re-authenticates (witness.ts). The amount must be what is owed for the lot; 409 while the dose is
 * still being given or when nothing is owed.
 */
export const recordSessionWaste = ledgerOperation(
  { permission: 'ledger:write', action: 'ledger.session-waste' },
  async (scope, sessionId: string, input: SessionWasteInput) => {
    const patientId = await sessionPatient(scope, sessionId)
    const dose = await loadSessionDose(scope.tx, scope.clinicId, sessionId)
    const account = dose.lots.find((l) => l.lotId === input.lotId)
    if (!account) throw invalidField('lotId', 'was not drawn for this session')
    if (account.givenMg === null)
      throw new AppError(
        'conflict',
        'The dose is still being given: the remainder is wasted once the pump is stopped or the session ends.',
      )
    const owed = parseQuantity(account.owedMg)
    if (owed === 0n) throw new AppError('conflict', `Nothing is owed for lot ${account.lotNumber}.`)
    const quantity = positiveMg(input.quantity)
    if (quantity !== owed)
      throw invalidField('quantity', `must be the ${account.owedMg} mg owed for lot ${account.lotNumber}`)
    const reason = input.reason?.trim() || 'Remainder of the session dose, drawn and not given'
    const detail = { method: input.method ?? null, dispenseEntryId: account.dispenseEntryId }
    const witness = await signAsWitness(scope, input.witness, 'witnessed waste of a controlled substance', {
      lotId: input.lotId,
      sessionId,
      quantityMg: account.owedMg,
      reason,
      ...detail,
    })
    const lot = await findLot(scope.tx, scope.clinicId, input.lotId)
    const { entry } = await appendEntry(scope, {
      lot,
      kind: 'waste',
      quantity,
      witness,
      reason,
      sessionId,
      patientId,
      detail,
    })
    await scope.audit({
      action: 'ledger.session-waste',
      entity: 'treatment_session',
      entityId: sessionId,
      detail: { patientId, entryId: entry.id, quantityMg: account.owedMg },
    })
    return loadSessionDose(scope.tx, scope.clinicId, sessionId)
  },
)

/**
 * Every session of the clinic with a waste still owed (a stopped pump, an aborted or cancelled
 * session), for the ledger's stock screen: an aborted session has no discharge to hold it.
 */
export const listWastesOwed = ledgerOperation(
  { permission: 'ledger:read', action: 'ledger.wastes-owed', entity: 'treatment_session' },
  async (scope) => {
    // One pass over the clinic's session entries finds the candidates; the account decides.
    const settled = await sql<{ session_id: string }>`
      SELECT session_id FROM cs_entry
      WHERE clinic_id = ${scope.clinicId} AND session_id IS NOT NULL
        AND kind IN ('dispense', 'administer', 'waste')
      GROUP BY session_id
      HAVING bool_or(kind = 'administer' AND detail ? 'dispenseEntryId')
        AND sum(CASE WHEN kind = 'dispense' THEN quantity ELSE 0 END)
          > sum(CASE WHEN kind <> 'dispense' AND detail ? 'dispenseEntryId' THEN quantity ELSE 0 END)`
      .execute(scope.tx)
      .then((r) => r.rows)
    const owed = []
    for (const { session_id } of settled) {
      const dose = await loadSessionDose(scope.tx, scope.clinicId, session_id)
      if (dose.owedMg === '0') continue
      const session = await scope.tx
        .selectFrom('treatment_session as s')
        .innerJoin('patient as p', 'p.id', 's.patient_id')
        .select(['s.id', 's.state', 's.scheduled_at', 'p.id as patient_id', 'p.given_name', 'p.family_name'])
        .where('s.clinic_id', '=', scope.clinicId)
        .where('s.id', '=', session_id)
        .executeTakeFirstOrThrow()
      owed.push({
        sessionId: session.id,
        sessionState: session.state,
        scheduledAt: session.scheduled_at,
        patientName: `${session.given_name} ${session.family_name}`,
        owedMg: dose.owedMg,
        lots: dose.lots
          .filter((l) => l.owedMg !== '0')
          .map((l) => ({ lotId: l.lotId, lotNumber: l.lotNumber, owedMg: l.owedMg })),
      })
      await scope.audit({
        action: 'ledger.wastes-owed.read',
        entity: 'treatment_session',
        entityId: session.id,
        detail: { patientId: session.patient_id },
      })
    }
    return owed
  },
)
