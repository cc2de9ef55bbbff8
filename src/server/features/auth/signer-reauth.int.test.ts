import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  Client,
  demoEmails,
  passwordOf,
  startTestApp,
  type TestApp,
  totpCode,
} from '../../../../test/support/test-app'
import { uuidv7 } from '../../ids'
import { principalByEmail } from '../../seed/demo-ledger'
import { reauthFailuresPerMinute } from './reauth-limits'

// Issue 13 point 2: guessing a colleague's password or code to sign as their witness.

let t: TestApp
const c = {} as Record<'nurse' | 'nurse2' | 'prescriber', Client>
let prescriberSecret: string
let prescriberId: string
let nurseId: string
let nurse2Id: string
let lotId: string

const url = (path = '') => `/api/v1/clinics/${t.clinics.riverside}/ledger${path}`
const wrongCode = () => (totpCode(prescriberSecret, t.clock) === '000000' ? '111111' : '000000')
const waste = (by: Client, witness: Record<string, string>) =>
  by.post(url(`/lots/${lotId}/waste`), { quantity: '1', reason: 'partial vial', witness })

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000', KETACARE_SESSION_IDLE_MIN: '600' })
  // The second demo nurse works at Hillcrest; here she also works at Riverside, so three people
  // of one clinic may witness.
  nurse2Id = (await principalByEmail(t.ctx, demoEmails.nurse2)).userId
  await t.database.db
    .insertInto('membership')
    .values({ id: uuidv7(), clinic_id: t.clinics.riverside, user_id: nurse2Id, role: 'nurse', version: 1 })
    .execute()
  for (const [key, email] of Object.entries({ nurse: demoEmails.nurse, nurse2: demoEmails.nurse2 })) {
    c[key as keyof typeof c] = new Client(t)
    await c[key as keyof typeof c].signIn(email)
  }
  c.prescriber = new Client(t)
  prescriberSecret = (await c.prescriber.signIn(demoEmails.prescriber))!
  prescriberId = (await principalByEmail(t.ctx, demoEmails.prescriber)).userId
  nurseId = (await principalByEmail(t.ctx, demoEmails.nurse)).userId
  const lot = await c.nurse.post(url('/lots'), {
    drug: 'racemic-ketamine',
    ndc: '0409-2051-05',
    product: 'Ketamine HCl injection, USP 50 mg/mL, 10 mL multiple-dose vial',
    strengthMg: '50',
    unit: 'mL',
    unitsPerContainer: '10',
    lotNumber: 'KX9001',
    expiresOn: '2027-08-31',
    containerCount: 2,
    containerNumbers: ['V-1', 'V-2'],
    invoiceNumber: 'INV-1',
    supplier: {
      name: 'Cardinal Health 110',
      address: '7000 Cardinal Pl, Dublin, OH 43017',
      dea: 'RC4028278',
    },
    witness: { userId: prescriberId, password: passwordOf(t, demoEmails.prescriber) },
  })
  expect(lot.statusCode, lot.body).toBe(201)
  lotId = lot.json().lot.id
})
afterAll(() => t.close())

const reauthEvents = () =>
  t.database.db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'entity_id', 'outcome', 'detail', 'clinic_id'])
    .where('action', '=', 'auth.reauth')
    .orderBy('seq')
    .execute()

describe('witness re-authentication (issue 13 point 2)', () => {
  it('limits wrong codes per signer with 429 and Retry-After, audits each try, and locks the signer', async () => {
    t.clock.advanceMinutes(5)
    const statuses: number[] = []
    for (let i = 0; i < reauthFailuresPerMinute + 1; i++)
      statuses.push((await waste(c.nurse, { userId: prescriberId, totpCode: wrongCode() })).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
    const limited = await waste(c.nurse, { userId: prescriberId, totpCode: wrongCode() })
    expect(limited.json()).toMatchObject({ code: 'too-many-requests' })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)

    // Who tried, for whom, how and the outcome — in the clinic's chain; never the code itself.
    const events = (await reauthEvents()).filter((e) => e.outcome !== 'success')
    expect(events.filter((e) => e.outcome === 'failure')).toHaveLength(3)
    expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(2)
    for (const e of events) {
      expect(e).toMatchObject({
        actor_user_id: nurseId,
        entity_id: prescriberId,
        clinic_id: t.clinics.riverside,
      })
      expect(e.detail).toMatchObject({ signerUserId: prescriberId, method: 'totp' })
      // No six-digit code anywhere but inside an id (a UUID's hex can hold six digits in a row).
      const withoutIds = JSON.stringify(e.detail).replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'id')
      expect(withoutIds).not.toMatch(/\d{6}/)
    }

    // After the minute, two more wrong codes make five: the signer's account locks (423), and a
    // locked signer cannot sign even with the right code, nor sign in.
    t.clock.advanceMinutes(1.1)
    expect((await waste(c.nurse, { userId: prescriberId, totpCode: wrongCode() })).statusCode).toBe(401)
    expect((await waste(c.nurse, { userId: prescriberId, totpCode: wrongCode() })).statusCode).toBe(401)
    t.clock.advanceMinutes(0.5)
    const right = await waste(c.nurse, {
      userId: prescriberId,
      totpCode: totpCode(prescriberSecret, t.clock),
    })
    expect(right.statusCode).toBe(423)
    expect((await new Client(t).login(demoEmails.prescriber)).statusCode).toBe(423)
    const balance = (await c.nurse.get(url('/stock'))).json().lots.find((l: { id: string }) => l.id === lotId)
    expect(balance.balanceMg).toBe('1000')
  })

  it('limits one caller trying passwords of several colleagues', async () => {
    t.clock.advanceMinutes(30)
    // nurse2 tries the nurse's password as witness, then the prescriber's: a caller's wrong proofs
    // add up whoever they name.
    const statuses: number[] = []
    for (let i = 0; i < reauthFailuresPerMinute; i++)
      statuses.push((await waste(c.nurse2, { userId: nurseId, password: `guess-${i}-password` })).statusCode)
    const other = await waste(c.nurse2, { userId: prescriberId, password: 'another-guess-password' })
    statuses.push(other.statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
    const events = (await reauthEvents()).filter((e) => e.actor_user_id === nurse2Id)
    expect(events.map((e) => e.outcome)).toEqual(['failure', 'failure', 'failure', 'denied'])
    expect(JSON.stringify(events)).not.toContain('guess-')
  })

  it('audits a successful witness signature with the signer named', async () => {
    t.clock.advanceMinutes(30)
    const ok = await waste(c.nurse2, { userId: nurseId, password: passwordOf(t, demoEmails.nurse) })
    expect(ok.statusCode, ok.body).toBe(201)
    const last = (await reauthEvents()).at(-1)!
    expect(last).toMatchObject({ actor_user_id: nurse2Id, entity_id: nurseId, outcome: 'success' })
  })
})
