import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  expectOutcome,
  expectProblem,
  forbidden,
  type Outcome,
  type RefusalFixture,
  type RiversideRole,
  staleVersion,
  startRefusalFixture,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read and change a clinic's details (clinic:read, settings:manage), and the refusals of
// a stale change and of another clinic.

let f: RefusalFixture
beforeAll(async () => {
  f = await startRefusalFixture()
})
afterAll(() => f.t.close())

const details = () => `${f.riverside()}/details`

describe('clinic summary and details: reading', () => {
  test.each<[RiversideRole, Outcome]>([
    ['admin', 200],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', 200],
    ['auditor', 200],
  ])('%s reads the details and the summary: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(details()), outcome)
    expectOutcome(await f.as(role).get(`${f.riverside()}/summary`), outcome)
  })

  test('a member of another clinic is refused like a clinic that does not exist', async () => {
    expectProblem(await f.as('nurse2').get(details()), ...forbidden)
    expectProblem(await f.as('nurse2').get(`${f.riverside()}/summary`), ...forbidden)
    expectProblem(await f.as('nurse').get(`/api/v1/clinics/${unknownId}/details`), ...forbidden)
  })
})

describe('clinic details: changing the phone', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['prescriber', forbidden],
    ['nurse', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not change it: %o', async (role, outcome) => {
    const { version } = (await f.as('admin').get(details())).json()
    expectOutcome(await f.as(role).request('PUT', details(), { phone: '(614) 555-0100', version }), outcome)
  })

  test('an administrator’s change on a stale version is refused and changes nothing', async () => {
    const before = (await f.as('admin').get(details())).json()
    const first = await f.as('admin').request('PUT', details(), {
      phone: '(614) 555-0101',
      version: before.version,
    })
    expect(first.statusCode, first.body).toBe(200)
    const stale = await f.as('admin').request('PUT', details(), {
      phone: '(614) 555-0102',
      version: before.version,
    })
    expectProblem(stale, ...staleVersion)
    expect((await f.as('admin').get(details())).json().phone).toBe(first.json().phone)
  })
})
