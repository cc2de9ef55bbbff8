import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  administerAs,
  insertDosingSession,
  ketamineLot,
  type LedgerFixture,
  passwordWitness,
  startLedgerFixture,
  totpWitness,
} from '../../../../test/support/ledger-fixture'
import { fieldsRefused } from '../../../../test/support/refusals'
import { demoEmails, passwordOf, type TestApp } from '../../../../test/support/test-app'
import { uuidv7 } from '../../ids'
import { principalByEmail } from '../../seed/demo-ledger'

// One journey: each block reads the balances the blocks before it left (receipts, waste, doses,
// counts). Lot validation and expiry, which need none of it, are in ledger-lots.int.test.ts.

let f: LedgerFixture
let t: TestApp
let c: LedgerFixture['c']
let prescriberId: string
let ketamineLotId: string
let esketamineLotId: string

const url = (path = '', clinic: 'riverside' | 'hillcrest' = 'riverside') =>
  `/api/v1/clinics/${t.clinics[clinic]}/ledger${path}`
const witnessByPassword = () => passwordWitness(f)
const witnessByTotp = () => totpWitness(f)

beforeAll(async () => {
  f = await startLedgerFixture()
  ;({ t, c, prescriberId } = f)
})
afterAll(() => t.close())

describe('receiving stock', () => {
  it('a nurse receives a ketamine lot with a witness; the balance is exact mg and mL', async () => {
    const res = await c.nurse.post(url('/lots'), { ...ketamineLot, witness: witnessByPassword() })
    expect(res.statusCode, res.body).toBe(201)
    const { lot, entry } = res.json()
    ketamineLotId = lot.id
    expect(lot).toMatchObject({
      balanceMg: '2500',
      balanceUnits: '50',
      expiryStatus: 'ok',
      supplierDea: 'RC4028278',
    })
    expect(entry).toMatchObject({
      kind: 'receive',
      quantityMg: '2500',
      balanceAfterMg: '2500',
      witnessUserId: prescriberId,
    })
    expect(entry.detail).toMatchObject({ invoiceNumber: 'INV-55012', containerCount: 5 })
  })

  it('receives esketamine devices as mg (28 mg a device) and totals per drug', async () => {
    const res = await c.prescriber.post(url('/lots'), {
      drug: 'esketamine',
      ndc: '50458-028-02',
      product: 'Spravato (esketamine) nasal spray 28 mg device, 2-device kit',
      strengthMg: '28',
      unit: 'device',
      unitsPerContainer: '2',
      lotNumber: 'SP0415',
      expiresOn: '2027-03-31',
      containerCount: 3,
      invoiceNumber: 'JNJ-8812',
      supplier: {
        name: 'Janssen Pharmaceuticals',
        address: '1125 Trenton-Harbourton Rd, Titusville, NJ',
        dea: 'RC4028278',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    esketamineLotId = res.json().lot.id
    expect(res.json().lot).toMatchObject({ balanceMg: '168', balanceUnits: '6' })
    const stock = (await c.nurse.get(url('/stock'))).json()
    expect(stock.drugs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ drug: 'racemic-ketamine', balanceMg: '2500' }),
        expect.objectContaining({ drug: 'esketamine', balanceMg: '168' }),
      ]),
    )
    expect(stock.wasteWitnessRequired).toBe(true)
  })
})

describe('waste, breakage and witnesses', () => {
  it('requires a witness for waste by default, and not the recorder themself', async () => {
    const witnesses = (await c.nurse.get(url('/witnesses'))).json()
    expect(witnesses.map((w: { userId: string }) => w.userId)).toEqual([prescriberId])
    expect((await c.auditor.get(url('/witnesses'))).statusCode).toBe(403)
    const none = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '5',
      reason: 'partial vial',
    })
    expect(none.statusCode).toBe(400)
    expect(none.json().errors[0].field).toBe('witness')
    const self = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '5',
      reason: 'partial vial',
      witness: { userId: f.nurseId, password: passwordOf(t, demoEmails.nurse) },
    })
    expect(self.json().errors[0].field).toBe('witness.userId')
    const frontDeskId = (await principalByEmail(t.ctx, demoEmails.frontDesk)).userId
    const notClinical = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '5',
      reason: 'partial vial',
      witness: { userId: frontDeskId, password: passwordOf(t, demoEmails.frontDesk) },
    })
    expect(notClinical.json().errors[0].field).toBe('witness.userId')
    const wrong = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '5',
      reason: 'partial vial',
      witness: { userId: prescriberId, password: 'not-the-password' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().errors[0].field).toBe('witness.password')
    const badCode = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '5',
      reason: 'partial vial',
      witness: { userId: prescriberId, totpCode: '000000' },
    })
    expect(badCode.json().errors[0].field).toBe('witness.totpCode')
    const stock = (await c.nurse.get(url('/stock'))).json()
    expect(stock.lots.find((l: { id: string }) => l.id === ketamineLotId).balanceMg).toBe('2500')
  })

  it('records witnessed waste (TOTP) and breakage with exact decimals', async () => {
    const waste = await c.nurse.post(url(`/lots/${ketamineLotId}/waste`), {
      quantity: '12.35',
      reason: 'Remainder of opened vial after infusion',
      method: 'Drug disposal container (Rx Destroyer)',
      patientId: f.patientId,
      witness: witnessByTotp(),
    })
    expect(waste.statusCode, waste.body).toBe(201)
    expect(waste.json().entry).toMatchObject({
      kind: 'waste',
      changeMg: '-12.35',
      balanceAfterMg: '2487.65',
      witnessName: 'Dr. Priya Raman',
    })
    const noWitness = await c.nurse.post(url(`/lots/${ketamineLotId}/breakage`), {
      quantity: '500',
      reason: 'dropped',
    })
    expect(noWitness.json().errors[0].field).toBe('witness')
    const broke = await c.nurse.post(url(`/lots/${ketamineLotId}/breakage`), {
      quantity: '500',
      reason: 'Vial V-105 dropped and broke while drawing up',
      witness: witnessByPassword(),
    })
    expect(broke.statusCode).toBe(201)
    expect(broke.json().lot).toMatchObject({ balanceMg: '1987.65', balanceUnits: '39.753' })
  })

  it('refuses to take a lot below zero, naming the lot and its balance', async () => {
    const over = await c.nurse.post(url(`/lots/${esketamineLotId}/waste`), {
      quantity: '168.000001',
      reason: 'test',
      witness: witnessByPassword(),
    })
    expect(over.statusCode).toBe(409)
    expect(over.json()).toMatchObject({ lotNumber: 'SP0415', balanceMg: '168' })
    expect(over.json().detail).toMatch(/Lot SP0415 .* holds 168 mg/)
    expect(over.json().errors[0].field).toBe('quantity')
    const zero = await c.nurse.post(url(`/lots/${esketamineLotId}/waste`), {
      quantity: '0',
      reason: 'test',
      witness: witnessByPassword(),
    })
    expect(zero.json().errors[0]).toMatchObject({ field: 'quantity', message: 'must be greater than zero' })
  })

  it('returns and transfers stock with the recipient on the entry', async () => {
    const res = await c.nurse.post(url(`/lots/${esketamineLotId}/transfers`), {
      quantity: '56',
      recipient: { name: 'Hillcrest Mood Center', address: '9 Hill Rd, Springfield', dea: 'BR1234563' },
      document: 'TR-2026-004',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().entry).toMatchObject({ kind: 'transfer', balanceAfterMg: '112' })
    expect(res.json().entry.detail).toMatchObject({ recipientDea: 'BR1234563', document: 'TR-2026-004' })
  })
})

describe('administrations from the sessions feature', () => {
  it('appends an administer entry in the caller’s transaction, linked to the session', async () => {
    const sessionId = await insertDosingSession(f)
    const result = await administerAs(f, demoEmails.nurse, ketamineLotId, '35', sessionId)
    expect(result.balanceAfter).toBe('1952.65')
    const entries = (await c.auditor.get(url(`/entries?kind=administer`))).json()
    expect(entries.items[0]).toMatchObject({
      sessionId,
      patientId: f.patientId,
      patientName: 'Robin Hale',
      quantityMg: '35',
    })
    await expect(administerAs(f, demoEmails.nurse, ketamineLotId, '35', uuidv7())).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: [{ field: 'sessionId', message: expect.any(String) }],
    })
    await expect(administerAs(f, demoEmails.nurse, ketamineLotId, '5000', sessionId)).rejects.toMatchObject({
      code: 'conflict',
      extra: { lotNumber: 'KX2291', balanceMg: '1952.65' },
    })
  })
})

/** One count sheet for the clinic's two lots, witnessed by the prescriber's password. */
const countSheet = (ketamine: string, esketamine: string, occasion = 'shift') =>
  c.nurse.post(url('/count-sheets'), {
    occasion,
    witness: witnessByPassword(),
    counts: [
      { lotId: ketamineLotId, counted: ketamine },
      { lotId: esketamineLotId, counted: esketamine },
    ],
  })
const result = (res: { json: () => { results: { lotId: string }[] } }, lotId: string) =>
  res.json().results.find((r) => r.lotId === lotId) as unknown as Record<string, unknown> & {
    discrepancy: Record<string, unknown> | null
  }
const countEntries = async () =>
  (await c.nurse.get(url('/entries?kind=count&pageSize=500'))).json().items.length as number

describe('counts and the discrepancies they open', () => {
  it('the count sheet is blind: the lots to count, without their balances', async () => {
    const sheet = await c.nurse.get(url('/count-sheet'))
    expect(sheet.statusCode).toBe(200)
    const lots = sheet.json().lots
    expect(lots.map((l: { id: string }) => l.id).sort()).toEqual([ketamineLotId, esketamineLotId].sort())
    for (const lot of lots) {
      expect(lot).not.toHaveProperty('balanceMg')
      expect(lot).not.toHaveProperty('balanceUnits')
      expect(JSON.stringify(lot)).not.toContain('1952.65')
    }
    expect((await c.auditor.get(url('/count-sheet'))).statusCode).toBe(403)
  })

  it('one submission for the whole sheet, witnessed; a bad row names its field and writes nothing', async () => {
    const before = await countEntries()
    const noWitness = await c.nurse.post(url('/count-sheets'), {
      occasion: 'opening',
      counts: [
        { lotId: ketamineLotId, counted: '1952.65' },
        { lotId: esketamineLotId, counted: '112' },
      ],
    })
    expect(noWitness.statusCode).toBe(400)
    expect(fieldsRefused(noWitness)).toContain('witness')
    const badRow = await countSheet('1952.65', '-1')
    expect(badRow.statusCode).toBe(400)
    expect(badRow.json().errors).toEqual([{ field: 'counts.1.counted', message: 'cannot be negative' }])
    const notANumber = await countSheet('1952.65', 'ten')
    expect(notANumber.statusCode).toBe(400)
    expect(notANumber.json().errors[0].field).toBe('counts.1.counted')
    const missing = await c.nurse.post(url('/count-sheets'), {
      witness: witnessByPassword(),
      counts: [{ lotId: ketamineLotId, counted: '1952.65' }],
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors[0]).toMatchObject({ field: 'counts', message: 'lot SP0415 is not counted' })
    const twice = await c.nurse.post(url('/count-sheets'), {
      witness: witnessByPassword(),
      counts: [
        { lotId: ketamineLotId, counted: '1952.65' },
        { lotId: ketamineLotId, counted: '1952.65' },
      ],
    })
    expect(twice.json().errors[0].field).toBe('counts.1.lotId')
    const badWitness = await c.nurse.post(url('/count-sheets'), {
      witness: { userId: prescriberId, password: 'wrong password' },
      counts: [
        { lotId: ketamineLotId, counted: '1952.65' },
        { lotId: esketamineLotId, counted: '112' },
      ],
    })
    expect(badWitness.statusCode).toBe(401)
    expect(await countEntries()).toBe(before)
  })

  it('a matching count changes nothing; a short count opens a discrepancy, revealed after submitting', async () => {
    const ok = await countSheet('1952.65', '112', 'opening')
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().witnessName).toBe('Dr. Priya Raman')
    expect(result(ok, ketamineLotId)).toMatchObject({
      expectedMg: '1952.65',
      differenceMg: '0',
      discrepancy: null,
    })
    const short = await countSheet('1950', '112', 'closing')
    expect(result(short, ketamineLotId).discrepancy).toMatchObject({
      status: 'open',
      expectedMg: '1952.65',
      countedMg: '1950',
      differenceMg: '-2.65',
    })
    expect(result(short, esketamineLotId).discrepancy).toBeNull()
    const entry = (await c.nurse.get(url(`/entries?kind=count&lotId=${ketamineLotId}`))).json().items[0]
    expect(entry).toMatchObject({
      kind: 'count',
      changeMg: '0',
      balanceAfterMg: '1952.65',
      witnessUserId: prescriberId,
    })
    const lot = (await c.nurse.get(url(`/lots/${ketamineLotId}`))).json().lot
    expect(lot.openDiscrepancies).toBe(1)
  })
})

describe('resolving discrepancies and reporting losses', () => {
  it('resolves a discrepancy only with a reason and a witness, by an adjustment entry', async () => {
    const [open] = (await c.nurse.get(url('/discrepancies?status=open'))).json()
    const noReason = await c.nurse.post(url(`/discrepancies/${open.id}/resolve`), {
      reason: '',
      witness: witnessByPassword(),
      version: open.version,
    })
    expect(noReason.json().errors[0].field).toBe('reason')
    const stale = await c.nurse.post(url(`/discrepancies/${open.id}/resolve`), {
      reason: 'Overfill estimate on the opened vial',
      witness: witnessByPassword(),
      version: open.version + 1,
    })
    expect(stale.statusCode).toBe(409)
    const res = await c.nurse.post(url(`/discrepancies/${open.id}/resolve`), {
      reason: 'Estimated volume of the opened vial was read high; recounted by syringe',
      witness: witnessByPassword(),
      version: open.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().discrepancy).toMatchObject({ status: 'resolved', resolution: 'adjustment' })
    expect(res.json().entry).toMatchObject({
      kind: 'adjustment',
      changeMg: '-2.65',
      balanceAfterMg: '1950',
      discrepancyId: open.id,
    })
    const twice = await c.nurse.post(url(`/discrepancies/${open.id}/resolve`), {
      reason: 'again',
      witness: witnessByPassword(),
      version: res.json().discrepancy.version,
    })
    expect(twice.statusCode).toBe(409)
  })

  it('closes a discrepancy by a recount that matches the balance', async () => {
    const short = await countSheet('1950', '84')
    const d = result(short, esketamineLotId).discrepancy!
    const wrong = await c.nurse.post(url(`/discrepancies/${d.id}/resolve`), {
      reason: 'Kit found in the second safe',
      recounted: '100',
      witness: witnessByPassword(),
      version: d.version,
    })
    expect(wrong.statusCode).toBe(409)
    expect(wrong.json().errors[0].field).toBe('recounted')
    const right = await c.nurse.post(url(`/discrepancies/${d.id}/resolve`), {
      reason: 'Kit found in the second safe',
      recounted: '112',
      witness: witnessByPassword(),
      version: d.version,
    })
    expect(right.json().discrepancy.resolution).toBe('recount')
    expect(right.json().entry).toMatchObject({ kind: 'count', balanceAfterMg: '112' })
  })

  it('files a loss report for a discrepancy, with both DEA deadlines tracked', async () => {
    const short = await countSheet('1450', '112')
    const d = result(short, ketamineLotId).discrepancy!
    const reportTheft = (quantity: string) =>
      c.prescriber.post(url('/loss-reports'), {
        lotId: ketamineLotId,
        kind: 'theft',
        discoveredAt: t.clock.now().toISOString(),
        description: 'One 10 mL vial missing from the locked cabinet',
        quantity,
        discrepancyId: d.id,
      })
    const wrongQty = await reportTheft('400')
    expect(wrongQty.json().errors[0].field).toBe('quantity')
    // The test clock is Friday 2026-11-27, 09:00 UTC (04:00 in New York).
    const res = await reportTheft('500')
    expect(res.statusCode, res.body).toBe(201)
    const report = res.json().report
    expect(report).toMatchObject({
      discoveredOn: '2026-11-27',
      deaNoticeDueOn: '2026-11-30',
      form106DueOn: '2027-01-11',
      deaNoticeState: 'due',
      form106State: 'due',
    })
    expect(res.json().entry).toMatchObject({ kind: 'loss', balanceAfterMg: '1450' })
    const closed = (await c.nurse.get(url('/discrepancies')))
      .json()
      .find((x: { id: string }) => x.id === d.id)
    expect(closed).toMatchObject({ status: 'resolved', resolution: 'loss-report' })
    const notice = await c.prescriber.post(url(`/loss-reports/${report.id}/dea-notice`), {
      at: t.clock.now().toISOString(),
      reference: 'Emailed to DEA Field Division',
      version: report.version,
    })
    expect(notice.json()).toMatchObject({
      deaNoticeState: 'done',
      form106State: 'due',
      version: report.version + 1,
    })
    const stale = await c.prescriber.post(url(`/loss-reports/${report.id}/form-106`), {
      at: t.clock.now().toISOString(),
      version: report.version,
    })
    expect(stale.statusCode).toBe(409)
    const filed = await c.prescriber.post(url(`/loss-reports/${report.id}/form-106`), {
      at: t.clock.now().toISOString(),
      reference: 'DEA 106 confirmation 2026-ABC',
      version: report.version + 1,
    })
    expect(filed.json().form106State).toBe('done')
  })
})

describe('who may see and change the ledger', () => {
  it('the auditor reads everything and changes nothing', async () => {
    expect((await c.auditor.get(url('/stock'))).statusCode).toBe(200)
    expect((await c.auditor.get(url(`/lots/${ketamineLotId}`))).json().entries.length).toBeGreaterThan(5)
    expect((await c.auditor.get(url('/loss-reports'))).json()).toHaveLength(1)
    expect((await c.auditor.get(url('/verify'))).json()).toMatchObject({ ok: true })
    const write = await c.auditor.post(url('/count-sheets'), {
      witness: witnessByPassword(),
      counts: [{ lotId: ketamineLotId, counted: '1450' }],
    })
    expect(write.statusCode).toBe(403)
    expect((await c.auditor.post(url('/lots'), { ...ketamineLot, lotNumber: 'AUD1' })).statusCode).toBe(403)
  })

  it('front desk and the administrator are kept out', async () => {
    expect((await c.frontDesk.get(url('/stock'))).statusCode).toBe(403)
    expect((await c.admin.get(url('/entries'))).statusCode).toBe(403)
    expect(
      (
        await c.frontDesk.post(url('/count-sheets'), {
          witness: witnessByPassword(),
          counts: [{ lotId: ketamineLotId, counted: '1' }],
        })
      ).statusCode,
    ).toBe(403)
  })

  it('nobody reaches another clinic’s ledger', async () => {
    expect((await c.nurse.get(url('/stock', 'hillcrest'))).statusCode).toBe(403)
    expect((await c.nurse2.get(url(`/lots/${ketamineLotId}`))).statusCode).toBe(403)
    // The prescriber works in both clinics, but a Riverside lot is not found through Hillcrest.
    expect((await c.prescriber.get(url(`/lots/${ketamineLotId}`, 'hillcrest'))).statusCode).toBe(404)
    const viaOther = await c.prescriber.post(url('/count-sheets', 'hillcrest'), {
      witness: { userId: f.nurseId, password: passwordOf(t, demoEmails.nurse) },
      counts: [{ lotId: ketamineLotId, counted: '1' }],
    })
    expect(viaOther.statusCode).toBe(400)
    expect(viaOther.json().errors[0].field).toBe('counts.0.lotId')
    expect((await c.nurse2.get(url('/stock', 'hillcrest'))).json().lots).toEqual([])
  })
})

describe('reports', () => {
  it('administration log as CSV carries the patient name and address', async () => {
    const res = await c.auditor.get(url('/reports/administrations?format=csv&from=2026-11-01&to=2026-11-30'))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/csv/)
    const [header, row] = res.body.trim().split('\r\n')
    expect(header).toBe('Date and time,Patient,MRN,Address,Drug,Lot,Quantity (mg),Form,Given by')
    expect(row).toContain('Robin Hale,RK-7001,"12 Elm Row, Springfield, OH 45501"')
    expect(row).toContain(',35,0.7 mL,')
  })

  it('inventory, waste and discrepancy logs as PDF and CSV', async () => {
    const inventory = await c.auditor.get(
      url('/reports/inventory?format=csv&inventoryType=biennial&timing=closing'),
    )
    expect(inventory.body).toContain('KX2291')
    expect(inventory.body).toContain(',1450,29 mL')
    const pdf = await c.auditor.get(url('/reports/inventory?format=pdf&inventoryType=initial&timing=opening'))
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const waste = await c.auditor.get(url('/reports/waste?format=csv'))
    expect(waste.body).toContain('breakage')
    expect(waste.body).toContain('Dr. Priya Raman')
    const discrepancies = await c.auditor.get(url('/reports/discrepancies?format=pdf'))
    expect(discrepancies.statusCode).toBe(200)
    const backwards = await c.auditor.get(url('/reports/waste?from=2026-11-30&to=2026-11-01'))
    expect(backwards.json().errors[0].field).toBe('from')
  })
})
