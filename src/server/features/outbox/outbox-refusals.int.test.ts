import { afterAll, beforeAll, describe, test } from 'vitest'
import {
  expectOutcome,
  forbidden,
  type Outcome,
  type RefusalFixture,
  type RiversideRole,
  startRefusalFixture,
} from '../../../../test/support/refusals'

// The e-mail outbox holds patients' addresses and links: administrators only (settings:manage).

let f: RefusalFixture
beforeAll(async () => {
  f = await startRefusalFixture()
})
afterAll(() => f.t.close())

describe('the clinic’s outbox', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', 200],
    ['prescriber', forbidden],
    ['nurse', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s lists it: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${f.riverside()}/outbox`), outcome)
    expectOutcome(await f.as(role).get(`${f.riverside()}/outbox?status=held`), outcome)
  })
})
