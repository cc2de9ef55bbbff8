import { describe } from 'vitest'
import { adminOnlyRefused, refusalTable } from '../../../../test/support/refusals'

// The e-mail outbox holds patients' addresses and links: administrators only (settings:manage).

const f = refusalTable()

describe('the clinic’s outbox', () => {
  f.byRole('%s lists it: %o', { admin: 200, ...adminOnlyRefused }, () => [
    ['GET', `${f.riverside()}/outbox`],
    ['GET', `${f.riverside()}/outbox?status=held`],
  ])
})
