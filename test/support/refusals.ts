import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { type DemoClinic, type DemoRole, startDemoClinic } from './clinic-fixture'
import type { Client, TestApp } from './test-app'

/** Every staff role of the demo's Riverside clinic (src/domain/access), plus Hillcrest's nurse. */
export const riversideRoles = ['admin', 'prescriber', 'nurse', 'frontDesk', 'auditor'] as const
export type RiversideRole = (typeof riversideRoles)[number]

/** An id no row has: the answer for it is what a record of another clinic must get too. */
export const unknownId = '01900000-0000-7000-8000-00000000dead'

export interface RefusalFixture extends DemoClinic {
  as: (role: DemoRole) => Client
  riverside: () => string
  /** Riverside's patient by MRN, and a Hillcrest patient's id (outside Riverside's rows). */
  patientByMrn: (mrn: string) => Promise<string>
  hillcrestPatientId: () => Promise<string>
}

/** The demo clinic with every role signed in, for tables of refusals. */
export async function startRefusalFixture(env: Record<string, string> = {}): Promise<RefusalFixture> {
  const clinic = await startDemoClinic({
    env: { KETACARE_SESSION_IDLE_MIN: '600', ...env },
    roles: [...riversideRoles, 'nurse2'],
  })
  const t: TestApp = clinic.t
  const as = (role: DemoRole) => {
    const client = clinic.clients[role]
    if (!client) throw new Error(`${role} is not signed in`)
    return client
  }
  const patientByMrn = async (mrn: string) => {
    const row = await t.database.db
      .selectFrom('patient')
      .select('id')
      .where('clinic_id', '=', t.clinics.riverside)
      .where('mrn', '=', mrn)
      .executeTakeFirstOrThrow()
    return row.id
  }
  const hillcrestPatientId = async () => {
    const row = await t.database.db
      .selectFrom('patient')
      .select('id')
      .where('clinic_id', '=', t.clinics.hillcrest)
      .where('mrn', '=', 'HC-0041')
      .executeTakeFirstOrThrow()
    return row.id
  }
  return {
    ...clinic,
    as,
    riverside: () => `/api/v1/clinics/${t.clinics.riverside}`,
    patientByMrn,
    hillcrestPatientId,
  }
}

/** The exact refusal: HTTP status, problem+json and its stable `code`. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(response.json().code).toBe(code)
}

/** The answer a role gets: a refusal `[status, code]`, or a success status. */
export type Outcome = readonly [number, string] | number

export function expectOutcome(response: LightMyRequestResponse, outcome: Outcome): void {
  if (typeof outcome === 'number') expect(response.statusCode, response.body).toBe(outcome)
  else expectProblem(response, outcome[0], outcome[1])
}

export const forbidden = [403, 'forbidden'] as const
export const notFound = [404, 'not-found'] as const
export const conflict = [409, 'conflict'] as const
export const staleVersion = [409, 'stale-version'] as const

/**
 * Another clinic's record must get the answer a record that does not exist gets (row-level
 * security hides it): the same status and problem, or the same (empty) reply.
 */
export async function expectSameAsMissing(
  f: RefusalFixture,
  send: (patientId: string) => Promise<LightMyRequestResponse>,
  outcome: Outcome,
): Promise<void> {
  const missing = await send(unknownId)
  const elsewhere = await send(await f.hillcrestPatientId())
  expectOutcome(missing, outcome)
  expectOutcome(elsewhere, outcome)
  const strip = (body: unknown) => (Array.isArray(body) ? body : { ...(body as object), instance: undefined })
  if (missing.headers['content-type']?.toString().includes('json'))
    expect(strip(elsewhere.json())).toEqual(strip(missing.json()))
}
