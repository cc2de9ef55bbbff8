import { describe, expect, test } from 'vitest'
import {
  expectProblem,
  forbidden,
  refusalTable,
  staleVersion,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read and change a clinic's details (clinic:read, settings:manage), and the refusals of
// a stale change and of another clinic.

const f = refusalTable()

const details = () => `${f.riverside()}/details`

describe('clinic summary and details: reading', () => {
  f.byRole(
    '%s reads the details and the summary: %o',
    { admin: 200, prescriber: 200, nurse: 200, frontDesk: 200, auditor: 200 },
    () => [
      ['GET', details()],
      ['GET', `${f.riverside()}/summary`],
    ],
  )

  test('a member of another clinic is refused like a clinic that does not exist', async () => {
    expectProblem(await f.as('nurse2').get(details()), ...forbidden)
    expectProblem(await f.as('nurse2').get(`${f.riverside()}/summary`), ...forbidden)
    expectProblem(await f.as('nurse').get(`/api/v1/clinics/${unknownId}/details`), ...forbidden)
  })
})

describe('clinic details: changing the phone', () => {
  f.byRole(
    '%s may not change it: %o',
    { prescriber: forbidden, nurse: forbidden, frontDesk: forbidden, auditor: forbidden, nurse2: forbidden },
    async () => {
      const { version } = (await f.as('admin').get(details())).json()
      return [['PUT', details(), { phone: '(614) 555-0100', version }]]
    },
  )

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
