import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  administerAs,
  ketamineLot,
  type LedgerFixture,
  startLedgerFixture,
} from '../../../../test/support/ledger-fixture'
import { pdfText } from '../../../../test/support/pdf-text'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, passwordOf } from '../../../../test/support/test-app'

// Receiving a lot: the fields refused, a lot number received already, and expiry (a warning
// before, no drawing after). ledger-api.int.test.ts follows the stock through its life.

let f: LedgerFixture
let c: LedgerFixture['c']
let t: LedgerFixture['t']
const url = (path = '') => `/api/v1/clinics/${t.clinics.riverside}/ledger${path}`
/** The nurse receives the demo ketamine lot with `changes`. */
const receiveLot = (changes: Record<string, unknown>) =>
  c.nurse.post(url('/lots'), { ...ketamineLot, ...changes })

beforeAll(async () => {
  f = await startLedgerFixture()
  ;({ t, c } = f)
  const witness = { userId: f.prescriberId, password: passwordOf(t, demoEmails.prescriber) }
  const received = await c.nurse.post(url('/lots'), { ...ketamineLot, witness })
  expect(received.statusCode, received.body).toBe(201)
})
afterAll(() => t.close())

describe('receiving stock', () => {
  it('names the fields it refuses', async () => {
    const bad = await receiveLot({
      lotNumber: 'KX9999',
      ndc: '409-2051',
      supplier: { ...ketamineLot.supplier, dea: 'RC4028271' },
      strengthMg: '5e1',
    })
    expect(bad.statusCode).toBe(400)
    const fields = fieldsRefused(bad)
    expect(fields).toEqual(expect.arrayContaining(['ndc', 'supplier.dea', 'strengthMg']))
    const unit = await receiveLot({ lotNumber: 'KX9998', unit: 'device' })
    expect(unit.json().errors[0]).toMatchObject({ field: 'unit' })
    const numbers = await receiveLot({
      lotNumber: 'KX9997',
      containerCount: 4,
    })
    expect(numbers.json().errors[0]).toMatchObject({ field: 'containerNumbers' })
    const again = await c.nurse.post(url('/lots'), ketamineLot)
    expect(again.statusCode).toBe(409)
    expect(again.json().errors[0]).toMatchObject({ field: 'lotNumber' })
  })
})

describe('reports of what was received', () => {
  it('writes a formula typed as a lot number as text, never as a live formula', async () => {
    const lot = await receiveLot({
      lotNumber: '=HYPERLINK("http://x.example","open")',
      containerCount: 1,
      containerNumbers: [],
    })
    expect(lot.statusCode, lot.body).toBe(201)
    const csv = (await c.auditor.get(url('/reports/inventory?format=csv&inventoryType=on-demand'))).body
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""open"")"`)
    expect(csv).not.toMatch(/(^|,)"?=/m)
    // The PDF shows the same table: the header row, then the new lot's row (the narrow lot column wraps).
    const pdf = await c.auditor.get(url('/reports/inventory?format=pdf&inventoryType=on-demand'))
    const text = await pdfText(pdf.rawPayload)
    expect(text).toContain('Drug Product NDC Lot Expires Strength On hand (mg) Finished form')
    expect(text).toMatch(/0409-2051-05 =HYPERLIN.*2027-08-31 50 mg\/mL 500 10 mL/)
  })
})

describe('expiry', () => {
  it('warns before expiry and refuses to draw from an expired lot', async () => {
    const soon = await receiveLot({
      lotNumber: 'KX0001',
      expiresOn: '2026-12-01',
      containerCount: 1,
      containerNumbers: [],
    })
    expect(soon.json().lot).toMatchObject({ expiryStatus: 'expiring', daysToExpiry: 4 })
    const lotId = soon.json().lot.id
    const past = await receiveLot({
      lotNumber: 'KX0002',
      expiresOn: '2026-11-26',
    })
    expect(past.json().errors[0].field).toBe('expiresOn')
    t.clock.advanceMinutes(5 * 24 * 60)
    await expect(administerAs(f, demoEmails.nurse, lotId, '10')).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: [{ field: 'lotId', message: 'expired on 2026-12-01' }],
    })
    // An expired lot can still leave the books: returned to a reverse distributor.
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    const back = await nurse.post(url(`/lots/${lotId}/returns`), {
      quantity: '500',
      recipient: {
        name: 'Inmar reverse distribution',
        address: '635 Vine St, Winston-Salem, NC',
        dea: 'BR1234563',
      },
      document: 'RA-7781',
    })
    expect(back.statusCode, back.body).toBe(201)
    expect(back.json().lot).toMatchObject({ expiryStatus: 'expired', balanceMg: '0' })
  })
})
