import { beforeAll, describe, expect, it } from 'vitest'
import { chartPostVitals, chartRecovery, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, passwordOf } from '../../../../test/support/test-app'
import { principalByEmail } from '../../seed/demo-ledger'

// Issue 14 B: the ledger records what the pump gave, not what was drawn; the remainder is owed as
// a witnessed waste before discharge; a concentration other than the lot's is refused.

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '600' })
let prescriberId: string
const ledger = (path: string) => `${desk.clinicUrl}/ledger${path}`
const witness = () => ({ userId: prescriberId, password: passwordOf(desk.t, demoEmails.prescriber) })

beforeAll(async () => {
  prescriberId = (await principalByEmail(desk.t.ctx, demoEmails.prescriber)).userId
})

interface Lot {
  id: string
  lotNumber: string
  drug: string
  expiryStatus: string
  balanceMg: string
  strengthMg: string
}

async function usableLot(): Promise<Lot> {
  const lots: Lot[] = (await desk.nurse.get(ledger('/stock'))).json().lots
  return lots.find(
    (l) => l.drug === 'racemic-ketamine' && l.expiryStatus !== 'expired' && Number(l.balanceMg) >= 100,
  )!
}
const balanceOf = async (lotId: string) =>
  (await desk.nurse.get(ledger('/stock'))).json().lots.find((l: Lot) => l.id === lotId).balanceMg as string
const sessionEntries = async (sessionId: string) =>
  (await desk.nurse.get(ledger('/entries?pageSize=500')))
    .json()
    .items.filter((e: { sessionId: string | null }) => e.sessionId === sessionId) as {
    kind: string
    quantityMg: string
    changeMg: string
    detail: Record<string, unknown>
  }[]

/** Books an IV session for the patient and brings it to a checked dose, pre-checks passed. */
async function sessionWithCheckedDose(mrn: string, chair: number, vialMgPerMl: number) {
  const patientId = await desk.patientIdByMrn(mrn)
  const { id, url: s } = await desk.startPreDose(patientId, chair)
  const { view, stepOk: step } = sessionDriver(desk.nurse, s)
  expect((await view()).preChecks.status).toBe('passed')
  expect((await desk.nurse.post(`${s}/dose`, { weightKg: 70, vialMgPerMl })).statusCode).toBe(200)
  expect((await desk.prescriber.post(`${s}/dose/check`, { totpCode: desk.code() })).statusCode).toBe(200)
  expect((await desk.prescriber.post(`${s}/supervision`, {})).statusCode).toBe(200)
  return { id, s, view, step }
}

describe('an infusion stopped early', () => {
  let session: Awaited<ReturnType<typeof sessionWithCheckedDose>>
  let lot: Lot

  it('refuses a concentration typed at the chair that is not the lot’s, and draws nothing', async () => {
    session = await sessionWithCheckedDose('RK-2024-0107', 0, 10)
    lot = await usableLot()
    expect(lot.strengthMg).toBe('50')
    const before = await balanceOf(lot.id)
    const refused = await desk.nurse.post(`${session.s}/dose/draw`, { lotId: lot.id })
    expect(refused.statusCode, refused.body).toBe(400)
    expect(refused.json().errors).toEqual([
      { field: 'concentrationMgPerMl', message: `must match lot ${lot.lotNumber}: 50 mg/mL` },
    ])
    expect(refused.json().lotConcentrationMgPerMl).toBe('50')
    expect(await balanceOf(lot.id)).toBe(before)
    expect(await sessionEntries(session.id)).toEqual([])
    expect((await session.view()).dose.drawnFromLots).toEqual([])
  })

  it('draws the dose as a dispense once the dose is calculated with the lot’s concentration', async () => {
    expect((await desk.nurse.post(`${session.s}/dose`, { weightKg: 70, vialMgPerMl: 50 })).statusCode).toBe(
      200,
    )
    expect(
      (await desk.prescriber.post(`${session.s}/dose/check`, { totpCode: desk.code() })).statusCode,
    ).toBe(200)
    const before = await balanceOf(lot.id)
    const drawn = await desk.nurse.post(`${session.s}/dose/draw`, { lotId: lot.id })
    expect(drawn.statusCode, drawn.body).toBe(200)
    expect(drawn.json().dose).toMatchObject({ plannedDoseMg: 35, volumeMl: 0.7 })
    expect(Number(await balanceOf(lot.id))).toBe(Number(before) - 35)
    expect(await sessionEntries(session.id)).toEqual([
      expect.objectContaining({ kind: 'dispense', quantityMg: '35', changeMg: '-35' }),
    ])
    const dose = (await desk.nurse.get(ledger(`/sessions/${session.id}/dose`))).json()
    expect(dose).toMatchObject({ isDelivering: true, owedMg: '0' })
  })

  it('records as administered what the pump delivered when it is stopped, and owes the rest', async () => {
    await session.step(desk.nurse, 'start-dosing')
    expect((await desk.nurse.post(`${session.s}/infusion`, { action: 'start' })).statusCode).toBe(200)
    desk.t.clock.advanceMinutes(10)
    const before = await balanceOf(lot.id)
    const stopped = await desk.nurse.post(`${session.s}/infusion`, { action: 'stop' })
    expect(stopped.statusCode, stopped.body).toBe(200)
    expect(stopped.json().infusion).toMatchObject({ status: 'stopped', doseGivenMg: 8.75 })
    const administered = (await sessionEntries(session.id)).filter((e) => e.kind === 'administer')
    expect(administered).toEqual([expect.objectContaining({ quantityMg: '8.75', changeMg: '0' })])
    // Stock already left the lot with the dispense: the administration moves nothing.
    expect(await balanceOf(lot.id)).toBe(before)
    const dose = (await desk.nurse.get(ledger(`/sessions/${session.id}/dose`))).json()
    expect(dose).toMatchObject({ isDelivering: false, owedMg: '26.25' })
    expect(dose.lots[0]).toMatchObject({ lotNumber: lot.lotNumber, drawnMg: '35', givenMg: '8.75' })
  })

  it('refuses discharge with a 409 naming the owed waste until it is witnessed', async () => {
    await session.step(desk.nurse, 'finish-dosing')
    await chartRecovery(desk.nurse, session.s)
    desk.t.clock.advanceMinutes(45)
    await chartPostVitals(desk.nurse, session.s)
    const ready = await session.step(desk.nurse, 'mark-ready')
    const refused = await desk.prescriber.post(`${session.s}/discharge`, {
      version: ready.session.version,
      totpCode: desk.code(),
    })
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().detail).toMatch(new RegExp(`Waste owed: 26\\.25 mg of lot ${lot.lotNumber}`))
    expect(refused.json().errors[0]).toMatchObject({ field: 'wasteOwed' })
    expect((await session.view()).session.state).toBe('ready-for-discharge')
  })

  it('the witnessed waste must be the amount owed, and needs a re-authenticated second person', async () => {
    const wasteUrl = ledger(`/sessions/${session.id}/waste`)
    const noWitness = await desk.nurse.post(wasteUrl, { lotId: lot.id, quantity: '26.25' })
    expect(noWitness.statusCode).toBe(400)
    expect(fieldsRefused(noWitness)).toContain('witness')
    const wrong = await desk.nurse.post(wasteUrl, { lotId: lot.id, quantity: '20', witness: witness() })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0]).toMatchObject({
      field: 'quantity',
      message: expect.stringMatching(/26\.25/),
    })
    const badPassword = await desk.nurse.post(wasteUrl, {
      lotId: lot.id,
      quantity: '26.25',
      witness: { userId: prescriberId, password: 'not-their-password' },
    })
    expect(badPassword.statusCode).toBe(401)
    const self = await desk.nurse.post(wasteUrl, {
      lotId: lot.id,
      quantity: '26.25',
      witness: {
        userId: (await principalByEmail(desk.t.ctx, demoEmails.nurse)).userId,
        password: passwordOf(desk.t, demoEmails.nurse),
      },
    })
    expect(self.statusCode).toBe(400)
    expect((await desk.nurse.get(ledger(`/sessions/${session.id}/dose`))).json().owedMg).toBe('26.25')

    const before = await balanceOf(lot.id)
    const wasted = await desk.nurse.post(wasteUrl, {
      lotId: lot.id,
      quantity: '26.25',
      method: 'Drug disposal container',
      witness: witness(),
    })
    expect(wasted.statusCode, wasted.body).toBe(201)
    expect(wasted.json()).toMatchObject({ owedMg: '0' })
    expect(await balanceOf(lot.id)).toBe(before)
    const waste = (await sessionEntries(session.id)).find((e) => e.kind === 'waste')
    expect(waste).toMatchObject({ quantityMg: '26.25', changeMg: '0', witnessName: 'Dr. Priya Raman' })
    expect(
      (await desk.nurse.post(wasteUrl, { lotId: lot.id, quantity: '26.25', witness: witness() })).statusCode,
    ).toBe(409)

    const discharged = await desk.prescriber.post(`${session.s}/discharge`, {
      version: (await session.view()).session.version,
      totpCode: desk.code(),
    })
    expect(discharged.statusCode, discharged.body).toBe(200)
  })
})

describe('an aborted infusion', () => {
  it('charts the pump stopped, records what it gave and owes the rest', async () => {
    const session = await sessionWithCheckedDose('RK-2024-0118', 1, 50)
    const lot = await usableLot()
    expect((await desk.nurse.post(`${session.s}/dose/draw`, { lotId: lot.id })).statusCode).toBe(200)
    await session.step(desk.nurse, 'start-dosing')
    await desk.nurse.post(`${session.s}/infusion`, { action: 'start' })
    desk.t.clock.advanceMinutes(4)
    const aborted = await session.step(desk.nurse, 'abort', 'Blood pressure 186/114 despite a pause')
    expect(aborted.session.state).toBe('aborted')
    expect(aborted.infusion).toMatchObject({ status: 'stopped', doseGivenMg: 3.5 })
    const dose = (await desk.nurse.get(ledger(`/sessions/${session.id}/dose`))).json()
    expect(dose).toMatchObject({ owedMg: '31.5' })
    expect(dose.lots[0]).toMatchObject({ drawnMg: '35', givenMg: '3.5' })
    // An aborted session has no discharge to hold it: the ledger lists the waste it still owes.
    const owed = (await desk.nurse.get(ledger('/wastes-owed'))).json()
    expect(owed).toEqual([
      expect.objectContaining({
        sessionId: session.id,
        sessionState: 'aborted',
        owedMg: '31.5',
        lots: [expect.objectContaining({ lotId: lot.id, owedMg: '31.5' })],
      }),
    ])
  })
})

describe('the ledger after sessions', () => {
  it('still verifies: chain, balance replay and audit cross-check', async () => {
    const auditor = new Client(desk.t)
    await auditor.signIn(demoEmails.auditor)
    expect((await auditor.get(ledger('/verify'))).json()).toMatchObject({ ok: true })
  })

  it('the session dose is read by ledger members only, and only in their clinic', async () => {
    const sessions = (await desk.nurse.get(ledger('/entries?kind=dispense'))).json().items
    const sessionId = sessions[0].sessionId
    expect((await desk.frontDesk.get(ledger(`/sessions/${sessionId}/dose`))).statusCode).toBe(403)
    const nurse2 = new Client(desk.t)
    await nurse2.signIn(demoEmails.nurse2)
    expect(
      (await nurse2.get(`/api/v1/clinics/${desk.t.clinics.hillcrest}/ledger/sessions/${sessionId}/dose`))
        .statusCode,
    ).toBe(404)
  })
})
