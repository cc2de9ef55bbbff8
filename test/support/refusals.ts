import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type DemoClinic, type DemoRole, startDemoClinic } from './clinic-fixture'
import type { Client, TestApp } from './test-app'

/** Every staff role of the demo's Riverside clinic (src/domain/access), plus Hillcrest's nurse. */
export const riversideRoles = ['admin', 'prescriber', 'nurse', 'frontDesk', 'auditor'] as const
type RiversideRole = (typeof riversideRoles)[number]
/** A role a refusal table asks about: Riverside's five, and `nurse2`, a member of Hillcrest only. */
export type TableRole = RiversideRole | 'nurse2'

/** An id no row has: the answer for it is what a record of another clinic must get too. */
export const unknownId = '01900000-0000-7000-8000-00000000dead'

interface RefusalFixture extends DemoClinic {
  as: (role: DemoRole) => Client
  riverside: () => string
  /** Riverside's patient by MRN, and a Hillcrest patient's id (outside Riverside's rows). */
  patientByMrn: (mrn: string) => Promise<string>
  hillcrestPatientId: () => Promise<string>
}

/** The demo clinic with every role signed in, for tables of refusals. */
async function startRefusalFixture(): Promise<RefusalFixture> {
  const clinic = await startDemoClinic({
    env: { KETACARE_SESSION_IDLE_MIN: '600' },
    roles: [...riversideRoles, 'nurse2'],
  })
  const t: TestApp = clinic.t
  const as = (role: DemoRole) => {
    const client = clinic.clients[role]
    if (!client) throw new Error(`${role} is not signed in`)
    return client
  }
  const patientIn = async (clinicId: string, mrn: string) => {
    const row = await t.database.db
      .selectFrom('patient')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where('mrn', '=', mrn)
      .executeTakeFirstOrThrow()
    return row.id
  }
  return {
    ...clinic,
    as,
    riverside: () => `/api/v1/clinics/${t.clinics.riverside}`,
    patientByMrn: (mrn) => patientIn(t.clinics.riverside, mrn),
    hillcrestPatientId: () => patientIn(t.clinics.hillcrest, 'HC-0041'),
  }
}

/** The exact refusal: HTTP status, problem+json and its stable `code`. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(response.json().code).toBe(code)
}

/** The fields a 400 problem names, in the order it gives them. */
export function fieldsRefused(response: LightMyRequestResponse): string[] {
  return response.json().errors.map((e: { field: string }) => e.field)
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

/** clinical:read (src/domain/access): the prescriber, the nurse and the auditor; no one at Hillcrest. */
export const clinicalReaders = {
  admin: forbidden,
  prescriber: 200,
  nurse: 200,
  frontDesk: forbidden,
  auditor: 200,
  nurse2: forbidden,
} as const
/** Refused clinical:write: all but the prescriber and the nurse (and Hillcrest's nurse, elsewhere). */
export const clinicalWriteRefused = {
  admin: forbidden,
  frontDesk: forbidden,
  auditor: forbidden,
  nurse2: forbidden,
}
/** Refused clinical:sign: all but the prescriber. */
export const clinicalSignRefused = {
  admin: forbidden,
  nurse: forbidden,
  frontDesk: forbidden,
  auditor: forbidden,
  nurse2: forbidden,
}

/** Refused an administrator's permission (settings:manage, fhir-clients:manage): all but the admin. */
export const adminOnlyRefused = {
  prescriber: forbidden,
  nurse: forbidden,
  frontDesk: forbidden,
  auditor: forbidden,
  nurse2: forbidden,
}

/** A request of a table: method, URL and, for a write, its body. */
export type Call = readonly ['GET', string] | readonly ['POST' | 'PATCH' | 'PUT', string, unknown]

/**
 * Another clinic's record must get the answer a record that does not exist gets (row-level
 * security hides it): the same status and problem, or the same (empty) reply.
 */
async function expectSameAsMissing(
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

/** A file's table of refusals over one demo clinic, started before its tests and closed after. */
export interface RefusalTable {
  readonly t: TestApp
  /** The patient the file was opened with (`patientMrn`). */
  readonly patientId: string
  as: (role: TableRole) => Client
  /** Riverside's API root: `/api/v1/clinics/<id>`. */
  riverside: () => string
  /** A patient's API root under Riverside (by default the patient the file was opened with). */
  patientUrl: (id?: string) => string
  patientByMrn: (mrn: string) => Promise<string>
  /**
   * One test per role (in the order given): every call the role makes gets that role's outcome.
   * `title` has `%s` for the role and `%o` for its outcome.
   */
  byRole: (
    title: string,
    outcomes: Partial<Record<TableRole, Outcome>>,
    calls: (role: TableRole) => Call[] | Promise<Call[]>,
  ) => void
  /**
   * One test per case: `role` makes the call for a patient of another clinic and for one that does
   * not exist; both get `outcome` and the same body.
   */
  likeMissing: (
    cases: readonly (readonly [what: string, role: TableRole, outcome: Outcome, call: PatientCall])[],
  ) => void
}
type PatientCall = (patientId: string) => Call | Promise<Call>

export function refusalTable(options: { patientMrn?: string } = {}): RefusalTable {
  let fixture: RefusalFixture | undefined
  let patientId: string | undefined
  const current = () => {
    if (!fixture) throw new Error('the refusal fixture starts in beforeAll')
    return fixture
  }
  beforeAll(async () => {
    fixture = await startRefusalFixture()
    if (options.patientMrn) patientId = await fixture.patientByMrn(options.patientMrn)
  })
  afterAll(() => fixture?.t.close())
  const send = (role: TableRole, [method, url, body]: Call) => current().as(role).request(method, url, body)
  const table: RefusalTable = {
    get t() {
      return current().t
    },
    get patientId() {
      if (!patientId) throw new Error('open the refusal table with a patientMrn')
      return patientId
    },
    as: (role) => current().as(role),
    riverside: () => current().riverside(),
    patientUrl: (id = table.patientId) => `${current().riverside()}/patients/${id}`,
    patientByMrn: (mrn) => current().patientByMrn(mrn),
    byRole: (title, outcomes, calls) => {
      test.each(Object.entries(outcomes) as [TableRole, Outcome][])(title, async (role, outcome) => {
        for (const call of await calls(role)) expectOutcome(await send(role, call), outcome)
      })
    },
    likeMissing: (cases) => {
      test.each(cases)(
        '%s: the same answer as for a patient that does not exist (%s: %o)',
        async (_, role, outcome, call) => {
          await expectSameAsMissing(current(), async (id) => send(role, await call(id)), outcome)
        },
      )
    },
  }
  return table
}
