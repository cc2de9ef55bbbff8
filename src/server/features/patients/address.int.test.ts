import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldsRefused } from '../../../../test/support/refusals'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'

// Registration asks for the patient's postal address in parts (clinical-reference §8: the DEA
// administration log names each patient's address), with a 400 naming each missing or bad part.

let t: TestApp
let desk: Client
let auditor: Client
const clinicUrl = () => `/api/v1/clinics/${t.clinics.riverside}`
const identity = { givenName: 'Harper', familyName: 'Quinn', dateOfBirth: '1979-02-14', sex: 'female' }
const address = {
  addressStreet: '77 Cherry Street, Apt 4',
  addressCity: 'Columbus',
  addressState: 'oh',
  addressPostalCode: '43215-1234',
}

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
  desk = new Client(t)
  await desk.signIn(demoEmails.frontDesk)
  auditor = new Client(t)
  await auditor.signIn(demoEmails.auditor)
})
afterAll(() => t.close())

const patientCount = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM patient`.execute(t.database.db)).rows[0]!.n

describe('registering a patient needs a postal address', () => {
  it('names every missing part and writes nothing', async () => {
    const before = await patientCount()
    const res = await desk.post(`${clinicUrl()}/patients`, { mrn: 'ADDR-1', ...identity })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'addressStreet', message: 'is required' },
      { field: 'addressCity', message: 'is required' },
      { field: 'addressState', message: 'is required' },
      { field: 'addressPostalCode', message: 'is required' },
    ])
    const blank = await desk.post(`${clinicUrl()}/patients`, {
      mrn: 'ADDR-1',
      ...identity,
      ...address,
      addressStreet: '   ',
      addressCity: '',
    })
    expect(blank.statusCode).toBe(400)
    expect(fieldsRefused(blank)).toEqual(['addressStreet', 'addressCity'])
    expect(await patientCount()).toBe(before)
  })

  it('refuses a state that is not a US state code and a malformed ZIP code', async () => {
    const res = await desk.post(`${clinicUrl()}/patients`, {
      mrn: 'ADDR-2',
      ...identity,
      ...address,
      addressState: 'Ohio',
      addressPostalCode: '4321',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'addressState', message: 'must be a US state code, such as OH or NY' },
      { field: 'addressPostalCode', message: 'must be a ZIP code: 5 digits, or ZIP+4 (12345-6789)' },
    ])
  })

  it('stores the parts and the one line the administration log prints', async () => {
    const res = await desk.post(`${clinicUrl()}/patients`, { mrn: 'ADDR-3', ...identity, ...address })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      addressStreet: '77 Cherry Street, Apt 4',
      addressCity: 'Columbus',
      addressState: 'OH',
      addressPostalCode: '43215-1234',
      address: '77 Cherry Street, Apt 4, Columbus, OH 43215-1234',
    })
  })
})

describe('editing an address', () => {
  it('corrects one part, refuses removing one, and audits the value before', async () => {
    const created = (
      await desk.post(`${clinicUrl()}/patients`, {
        mrn: 'ADDR-4',
        ...identity,
        givenName: 'Rowan',
        ...address,
      })
    ).json()
    const url = `${clinicUrl()}/patients/${created.id}`
    const moved = await desk.patch(url, { addressCity: 'Bexley', addressPostalCode: '43209', version: 1 })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().address).toBe('77 Cherry Street, Apt 4, Bexley, OH 43209')
    for (const removal of [{ addressCity: null }, { addressCity: '' }]) {
      const res = await desk.patch(url, { ...removal, version: 2 })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([{ field: 'addressCity', message: 'is required' }])
    }
    expect((await desk.get(url)).json().addressCity).toBe('Bexley')
    const audit = (await auditor.get(`${clinicUrl()}/audit-events?action=patients.update&pageSize=50`)).json()
    const entry = audit.items.find((e: { entityId: string }) => e.entityId === created.id)
    expect(entry.detail.before).toMatchObject({ address_city: 'Columbus', address_postal_code: '43215-1234' })
  })

  it('a patient registered before the parts keeps the one line until all four parts are given', async () => {
    const [row] = await sql<{ id: string }>`
      INSERT INTO patient (id, clinic_id, mrn, given_name, family_name, date_of_birth, sex, address, created_at, updated_at)
      VALUES (gen_random_uuid(), ${t.clinics.riverside}, 'ADDR-OLD', 'Sky', 'Older', '1960-01-01', 'male',
        '5 Old Road, Springfield', now(), now())
      RETURNING id`
      .execute(t.database.db)
      .then((r) => r.rows)
    const url = `${clinicUrl()}/patients/${row!.id}`
    const phone = await desk.patch(url, {
      phone: '555-0150',
      addressStreet: null,
      addressCity: null,
      addressState: null,
      addressPostalCode: null,
      version: 1,
    })
    expect(phone.statusCode).toBe(200)
    expect(phone.json().address).toBe('5 Old Road, Springfield')
    const partial = await desk.patch(url, { addressStreet: '5 Old Road', version: 2 })
    expect(partial.statusCode).toBe(400)
    expect(fieldsRefused(partial)).toEqual(['addressCity', 'addressState', 'addressPostalCode'])
    const whole = await desk.patch(url, {
      addressStreet: '5 Old Road',
      addressCity: 'Springfield',
      addressState: 'OH',
      addressPostalCode: '45502',
      version: 2,
    })
    expect(whole.json().address).toBe('5 Old Road, Springfield, OH 45502')
  })

  it('every demo patient has a complete address', async () => {
    const list = (await desk.get(`${clinicUrl()}/patients?q=RK-2024&pageSize=100`)).json()
    expect(list.items.length).toBeGreaterThan(5)
    for (const p of list.items) {
      expect(p.addressStreet, p.mrn).toBeTruthy()
      expect(p.addressPostalCode, p.mrn).toMatch(/^\d{5}(-\d{4})?$/)
      expect(p.address).toBe(`${p.addressStreet}, ${p.addressCity}, ${p.addressState} ${p.addressPostalCode}`)
    }
  })
})
