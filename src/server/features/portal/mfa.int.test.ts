import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patientIdByMrn, startDemoClinic } from '../../../../test/support/clinic-fixture'
import {
  issueSurveyLink,
  PortalClient,
  patientPassphrase as password,
} from '../../../../test/support/portal-client'
import { type Client, type TestApp, totpCode } from '../../../../test/support/test-app'

let t: TestApp
let staff: Client
let nurse: Client
let patientId: string
let secret: string
const email = 'jordan.avery@example.org'

/** A nurse's invite: without an e-mail server the link is shown to her once (issue 13). */
async function invite(): Promise<string> {
  const res = await nurse.post(
    `/api/v1/clinics/${t.clinics.riverside}/patients/${patientId}/portal-invite`,
    {},
  )
  return res.json().inviteUrl.split('/').pop()
}

/** Each use takes the next time step: the server refuses a code from a step it has accepted. */
function nextCode(): string {
  t.clock.advanceMinutes(1)
  return totpCode(secret, t.clock)
}

async function signInWithCode(): Promise<PortalClient> {
  const p = new PortalClient(t)
  expect((await p.call('POST', '/api/v1/portal/login', { email, password })).json().state).toBe(
    'mfa-required',
  )
  expect((await p.call('POST', '/api/v1/portal/mfa/verify', { code: nextCode() })).statusCode).toBe(200)
  return p
}

async function signedInFull(): Promise<PortalClient> {
  const p = new PortalClient(t)
  expect((await p.call('POST', '/api/v1/portal/login', { email, password })).json().state).toBe('signed-in')
  return p
}

async function enable(p: PortalClient): Promise<void> {
  secret = (await p.call('POST', '/api/v1/portal/mfa/enrol', {})).json().secret
  const res = await p.call('POST', '/api/v1/portal/mfa/enrol/confirm', { code: nextCode() })
  expect(res.json().isEnabled).toBe(true)
}

beforeAll(async () => {
  ;({
    t,
    clients: { frontDesk: staff, nurse },
  } = await startDemoClinic({ env: { KETACARE_SESSION_IDLE_MIN: '600' }, roles: ['frontDesk', 'nurse'] }))
  patientId = await patientIdByMrn(staff, t.clinics.riverside, 'RK-2024-0107')
  const token = await invite()
  await new PortalClient(t).call('POST', `/api/v1/portal/invites/${token}/accept`, { password })
})
afterAll(() => t.close())

describe('portal two-step sign-in', () => {
  it('turns on only after a first code confirms the app, and ends sessions opened with the password alone', async () => {
    const p = await signedInFull()
    const elsewhere = await signedInFull()
    expect((await p.call('GET', '/api/v1/portal/mfa')).json()).toEqual({ isEnabled: false, enabledAt: null })
    expect((await p.call('POST', '/api/v1/portal/mfa/enrol', {}, { csrf: false })).statusCode).toBe(403)
    const started = (await p.call('POST', '/api/v1/portal/mfa/enrol', {})).json()
    secret = started.secret
    expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/)
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/)

    const malformed = await p.call('POST', '/api/v1/portal/mfa/enrol/confirm', { code: '12ab' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().errors[0].field).toBe('code')
    const right = totpCode(secret, t.clock)
    const wrong = await p.call('POST', '/api/v1/portal/mfa/enrol/confirm', {
      code: right === '000000' ? '111111' : '000000',
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ code: 'invalid-mfa-code', errors: [{ field: 'code' }] })
    expect((await p.call('GET', '/api/v1/portal/mfa')).json().isEnabled).toBe(false)

    const confirmed = await p.call('POST', '/api/v1/portal/mfa/enrol/confirm', { code: right })
    expect(confirmed.json()).toMatchObject({ isEnabled: true })
    expect((await p.call('GET', '/api/v1/portal/surveys')).statusCode).toBe(200)
    expect((await elsewhere.call('GET', '/api/v1/portal/surveys')).statusCode).toBe(401)
    expect((await p.call('POST', '/api/v1/portal/mfa/enrol', {})).statusCode).toBe(409)
  })

  it('asks for a code after the password; the waiting session reaches no patient data', async () => {
    const p = new PortalClient(t)
    const login = await p.call('POST', '/api/v1/portal/login', { email, password })
    expect(login.json().state).toBe('mfa-required')
    const survey = await t.database.db
      .selectFrom('survey_assignment')
      .select('id')
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow()
    for (const [method, url] of [
      ['GET', '/api/v1/portal/me'],
      ['GET', '/api/v1/portal/surveys'],
      ['GET', '/api/v1/portal/progress'],
      ['GET', '/api/v1/portal/appointments'],
      ['GET', '/api/v1/portal/documents'],
      ['GET', '/api/v1/portal/mfa'],
      ['PUT', `/api/v1/portal/surveys/${survey.id}`],
      ['POST', '/api/v1/portal/mfa/enrol'],
    ] as const) {
      const res = await p.call(method, url, method === 'GET' ? undefined : { answers: {} })
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe('mfa-required')
    }

    const waiting = p.cookie
    const right = nextCode()
    const wrong = await p.call('POST', '/api/v1/portal/mfa/verify', {
      code: right === '000000' ? '111111' : '000000',
    })
    expect(wrong.json().code).toBe('invalid-mfa-code')
    const verified = await p.call('POST', '/api/v1/portal/mfa/verify', { code: right })
    expect(verified.json().state).toBe('signed-in')
    expect(p.cookie).not.toBe(waiting)
    expect((await p.call('GET', '/api/v1/portal/progress')).statusCode).toBe(200)
    expect((await p.call('GET', '/api/v1/portal/me')).json().scope).toBe('full')

    // The waiting cookie never becomes a full session.
    const old = new PortalClient(t)
    old.cookie = waiting
    expect((await old.call('GET', '/api/v1/portal/surveys')).statusCode).toBe(401)

    const failures = await t.database.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('action', '=', 'portal.mfa-verify')
      .execute()
    expect(failures.map((f) => f.outcome).sort()).toEqual(['failure', 'success'])
  })
})

describe('portal two-step sign-in: codes, links and turning off', () => {
  it('accepts a code only once', async () => {
    const first = new PortalClient(t)
    await first.call('POST', '/api/v1/portal/login', { email, password })
    const code = nextCode()
    expect((await first.call('POST', '/api/v1/portal/mfa/verify', { code })).statusCode).toBe(200)
    const second = new PortalClient(t)
    await second.call('POST', '/api/v1/portal/login', { email, password })
    const replayed = await second.call('POST', '/api/v1/portal/mfa/verify', { code })
    expect(replayed.statusCode).toBe(401)
    expect(replayed.json().code).toBe('invalid-mfa-code')
    expect((await second.call('POST', '/api/v1/portal/mfa/verify', { code: nextCode() })).statusCode).toBe(
      200,
    )
  })

  it('counts wrong codes toward the lockout, even with the password typed again in between', async () => {
    const wrongCode = () => (totpCode(secret, t.clock) === '000000' ? '111111' : '000000')
    const first = new PortalClient(t)
    await first.call('POST', '/api/v1/portal/login', { email, password })
    for (let i = 0; i < 2; i++)
      expect((await first.call('POST', '/api/v1/portal/mfa/verify', { code: wrongCode() })).statusCode).toBe(
        401,
      )
    const second = new PortalClient(t)
    await second.call('POST', '/api/v1/portal/login', { email, password })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await second.call('POST', '/api/v1/portal/mfa/verify', { code: wrongCode() })).statusCode,
      )
    expect(statuses).toEqual([401, 401, 423])
    // The locked sign-in is over; a new one must wait, right code or not.
    expect((await second.call('POST', '/api/v1/portal/mfa/verify', { code: nextCode() })).statusCode).toBe(
      401,
    )
    expect(
      (await new PortalClient(t).call('POST', '/api/v1/portal/login', { email, password })).statusCode,
    ).toBe(423)
    t.clock.advanceMinutes(16)
    await signInWithCode()
  })

  it('lets a one-time questionnaire link open its survey without a code, and nothing else', async () => {
    const survey = await t.database.db
      .selectFrom('survey_assignment')
      .select('id')
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow()
    const token = await issueSurveyLink(t, patientId, survey.id)
    const p = new PortalClient(t)
    expect((await p.call('POST', `/api/v1/portal/magic/${token}`, {})).json().surveyId).toBe(survey.id)
    expect((await p.call('GET', '/api/v1/portal/surveys')).statusCode).toBe(200)
    expect((await p.call('GET', '/api/v1/portal/progress')).statusCode).toBe(403)
    expect((await p.call('POST', '/api/v1/portal/mfa/disable', { password })).statusCode).toBe(403)
  })

  it('turns off with the current password or a code, never without one', async () => {
    const p = await signInWithCode()
    const neither = await p.call('POST', '/api/v1/portal/mfa/disable', {})
    expect(neither.statusCode).toBe(400)
    expect(neither.json().errors[0].field).toBe('password')
    expect(
      (await p.call('POST', '/api/v1/portal/mfa/disable', { password, code: '123456' })).statusCode,
    ).toBe(400)
    const wrong = await p.call('POST', '/api/v1/portal/mfa/disable', { password: 'not my password at all' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().errors[0].field).toBe('password')
    expect((await p.call('POST', '/api/v1/portal/mfa/disable', { password })).json()).toEqual({
      isEnabled: false,
      enabledAt: null,
    })
    const plain = await signedInFull()
    await enable(plain)
    expect(
      (await plain.call('POST', '/api/v1/portal/mfa/disable', { code: nextCode() })).json().isEnabled,
    ).toBe(false)
    const actions = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('action', '=', 'portal.mfa-disable')
      .execute()
    expect(actions.map((a) => a.outcome).sort()).toEqual(['failure', 'success', 'success'])
  })

  it('is turned off by a new invitation from the clinic (the way back in after losing the phone)', async () => {
    await enable(await signedInFull())
    const token = await invite()
    const p = new PortalClient(t)
    await p.call('POST', `/api/v1/portal/invites/${token}/accept`, { password })
    expect((await p.call('GET', '/api/v1/portal/mfa')).json().isEnabled).toBe(false)
    await signedInFull()
  })
})
