import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../test/support/test-app'
import { seedDemoClinicalData } from './seed/demo'

// Issue 13, "bad input gets a clear 4xx, never a 500": the cases found by hand, each pinned.
// The fuzz test (test/fuzz/write-routes.int.test.ts) covers every write route more broadly.

let t: TestApp
let nurse: Client
const clinicUrl = () => `/api/v1/clinics/${t.clinics.riverside}`
/** The nurse registers Ada, a female patient, with these MRN, family name and date of birth. */
const registerAda = (fields: { mrn: string; familyName: string; dateOfBirth: string }) =>
  nurse.post(`${clinicUrl()}/patients`, { givenName: 'Ada', sex: 'female', ...fields })
const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => ({
  status: res.statusCode,
  type: String(res.headers['content-type']),
  body: res.json() as { code: string; errors?: { field: string; message: string }[] },
})

beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), 'ketacare-web-'))
  // What Vite writes (vite.config.ts html.cspNonce): the placeholder where each page's nonce goes.
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><meta property="csp-nonce" nonce="KETACARE_CSP_NONCE"><script type="module" nonce="KETACARE_CSP_NONCE" src="/a.js"></script>',
  )
  t = await startTestApp({ KETACARE_WEB_DIR: webDir })
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
  nurse = new Client(t)
  await nurse.signIn(demoEmails.nurse)
})
afterAll(() => t?.close())

describe('a NUL character is a 400 naming the field, on every route (PostgreSQL text cannot hold it)', () => {
  it('staff sign-in: in the e-mail and in the password', async () => {
    for (const [body, field] of [
      [{ email: 'nurse\u0000@demo.ketacare.org', password: 'whatever-password' }, 'email'],
      [{ email: demoEmails.nurse, password: 'pass\u0000word' }, 'password'],
    ] as const) {
      const res = problem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body }))
      expect(res.status).toBe(400)
      expect(res.type).toContain('application/problem+json')
      expect(res.body.errors).toEqual([{ field, message: 'must not contain a NUL character' }])
    }
  })

  it('patient portal sign-in', async () => {
    const res = problem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { email: 'pat\u0000ient@example.org', password: 'a long password' },
      }),
    )
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ field: 'email', message: 'must not contain a NUL character' }])
  })

  it('nested fields, the query string and the path are named by their place; nothing is written', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM patient`.execute(t.database.db)
    const nested = problem(
      await registerAda({ mrn: 'NUL-1', familyName: 'Lovelace\u0000', dateOfBirth: '1980-01-01' }),
    )
    expect(nested.status).toBe(400)
    expect(nested.body.errors?.[0]?.field).toBe('familyName')
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM patient`.execute(t.database.db)
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n)

    const query = problem(await nurse.get(`${clinicUrl()}/patients?q=a%00b`))
    expect(query.status).toBe(400)
    expect(query.body.errors?.[0]?.field).toBe('querystring.q')
  })
})

describe('dates outside what PostgreSQL stores are a 400 naming the field', () => {
  it('a vital sign in year 300000 or 5000 BC, a birth date in year 0, an audit filter in year 300000', async () => {
    const patientId = (await nurse.get(`${clinicUrl()}/patients?q=RK-2024-0107`)).json().items[0].id
    for (const measuredAt of [
      '+275760-09-13T00:00:00Z',
      '-005000-01-01T00:00:00Z',
      8.64e15,
      '+300000-01-01T00:00:00Z',
    ]) {
      const res = problem(
        await nurse.post(`${clinicUrl()}/patients/${patientId}/vitals`, {
          context: 'intake',
          measuredAt,
          systolicMmHg: 120,
          diastolicMmHg: 80,
          heartRateBpm: 70,
        }),
      )
      expect(res.status, String(measuredAt)).toBe(400)
      // Year 300000 is past what a JavaScript date holds: "must be a date" rather than the range.
      const message =
        measuredAt === '+300000-01-01T00:00:00Z' ? 'must be a date' : 'must be between the years 1 and 9999'
      expect(res.body.errors).toEqual([{ field: 'measuredAt', message }])
    }
    const born = problem(await registerAda({ mrn: 'YEAR-0', familyName: 'Zero', dateOfBirth: '0000-06-01' }))
    expect(born.status).toBe(400)
    expect(born.body.errors?.[0]?.field).toBe('dateOfBirth')

    const admin = new Client(t, '10.9.9.9')
    await admin.signIn(demoEmails.admin)
    const audit = problem(await admin.get(`${clinicUrl()}/audit-events?from=%2B300000-01-01T00:00:00Z`))
    expect(audit.status).toBe(400)
    expect(audit.body.errors?.[0]?.field).toBe('querystring.from')
  })
})

describe('file names in Content-Disposition cannot break the header', () => {
  it('an MRN with CR/LF or non-Latin-1 letters gives a safe ASCII filename and an RFC 5987 filename*', async () => {
    const consent = await sql<{ id: string; patient_id: string }>`
      SELECT id, patient_id FROM consent WHERE clinic_id = ${t.clinics.riverside} LIMIT 1`.execute(
      t.database.db,
    )
    const { id: consentId, patient_id: patientId } = consent.rows[0]!
    for (const mrn of ['RK\r\nX-Injected: yes', 'Žofia-東京-1']) {
      const current = (await nurse.get(`${clinicUrl()}/patients/${patientId}`)).json()
      const edit = await nurse.patch(`${clinicUrl()}/patients/${patientId}`, { ...current, mrn })
      expect(edit.statusCode, edit.body).toBe(200)
      const pdf = await nurse.get(`${clinicUrl()}/patients/${patientId}/consents/${consentId}/pdf`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['x-injected']).toBeUndefined()
      const disposition = String(pdf.headers['content-disposition'])
      // Header values must be visible ASCII: nothing a proxy or browser could split or misread.
      expect(disposition).toMatch(/^[\x20-\x7e]+$/)
      expect(disposition).toMatch(/^inline; filename="consent-[\x20-\x7e]+\.pdf"/)
      if (mrn.startsWith('Ž'))
        expect(disposition).toContain(`filename*=UTF-8''consent-${encodeURIComponent('Žofia-東京-1')}-v`)
      else expect(disposition).toContain('filename="consent-RK__X-Injected: yes-v')
    }
  })
})

describe('Content-Security-Policy: styles by per-response nonce, no unsafe-inline', () => {
  it('the web page carries the nonce of its own response, a new one each time, always revalidated (no-cache)', async () => {
    const nonces: string[] = []
    for (const url of ['/', '/patients', '/index.html']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      const csp = String(res.headers['content-security-policy'])
      expect(csp).not.toContain('unsafe-inline')
      const styleSrc = csp.split(';').find((d) => d.trim().startsWith('style-src'))!
      const nonce = /'nonce-([0-9a-f]+)'/.exec(styleSrc)?.[1]
      expect(nonce).toBeDefined()
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`)
      expect(res.body).not.toContain('KETACARE_CSP_NONCE')
      expect(res.headers['cache-control']).toBe('no-cache')
      nonces.push(nonce!)
    }
    expect(new Set(nonces).size).toBe(3)
  })

  it('API replies carry the same policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toMatch(/style-src 'self' 'nonce-[0-9a-f]+'/)
    expect(csp).not.toContain('unsafe-inline')
  })
})

describe('a body over the 1 MiB limit is a 413 problem, and the client reads it', () => {
  it('over a real connection', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const res = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(3 * 1024 * 1024) }),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'payload-too-large', status: 413 })
  })
})
