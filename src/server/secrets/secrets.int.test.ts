import { generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PortalClient, patientPassphrase } from '../../../test/support/portal-client'
import { Client, demoEmails, startTestApp, type TestApp, totpCode } from '../../../test/support/test-app'
import { buildApp } from '../app'
import { hashPassword } from '../features/auth/passwords'
import { seedDemoClinicalData } from '../seed/demo'
import { prepareSecrets } from './prepare'
import { rotateSecretKey } from './rotate'
import { isSealed, SecretBox, SecretKey, SecretKeyError, sealedKeyId } from './secret-box'

// Issue 13 point 5: staff and patient TOTP secrets are stored sealed under the installation key;
// clear secrets from before migration 015 are encrypted at start-up; a wrong key is named, not read
// as a wrong code; rotation re-encrypts everything in one transaction and sign-in keeps working.

let t: TestApp
let prescriberSecret: string
let patientId: string
const patientEmail = 'rotation.patient@example.org'
const patientSecret = generateSecret()

beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedDemoClinicalData(t.ctx, t.demo, { withSessions: false })
  prescriberSecret = (await new Client(t).signIn(demoEmails.prescriber))!
  // A patient with two-step sign-in on, written as the portal would (its own tests cover the flow).
  const patient = await t.database.db
    .selectFrom('patient')
    .select('id')
    .where('clinic_id', '=', t.clinics.riverside)
    .executeTakeFirstOrThrow()
  patientId = patient.id
  await t.database.db
    .insertInto('patient_account')
    .values({
      patient_id: patientId,
      clinic_id: t.clinics.riverside,
      email: patientEmail,
      password_hash: await hashPassword(patientPassphrase),
      invited_at: t.clock.now(),
      activated_at: t.clock.now(),
      mfa_secret_base32: t.ctx.secrets.seal(patientSecret),
      mfa_enabled_at: t.clock.now(),
      mfa_pending_secret_base32: t.ctx.secrets.seal(generateSecret()),
    } as never)
    .execute()
}, 120_000)
afterAll(() => t.close())

async function storedSecrets(): Promise<string[]> {
  const staff = await t.database.db.selectFrom('mfa_secret').select('secret_base32').execute()
  const patients = await t.database.db
    .selectFrom('patient_account')
    .select(['mfa_secret_base32', 'mfa_pending_secret_base32'])
    .execute()
  return [
    ...staff.map((r) => r.secret_base32),
    ...patients.flatMap((r) => [r.mfa_secret_base32, r.mfa_pending_secret_base32]).filter((v) => v !== null),
  ]
}

/** The TOTP secret stored for a staff member, as it is at rest. */
async function storedStaffSecret(email: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('mfa_secret as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select('s.secret_base32')
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow()
  return row.secret_base32
}

async function staffSignIn(app = t.app, secret = prescriberSecret) {
  t.clock.advanceMinutes(1)
  const client = new Client({ ...t, app })
  const login = await client.login(demoEmails.prescriber)
  expect(login.json().state).toBe('mfa-required')
  return client.post('/api/v1/auth/mfa/verify', { code: totpCode(secret, t.clock) })
}

async function patientSignIn(app = t.app) {
  t.clock.advanceMinutes(1)
  const portal = new PortalClient({ ...t, app })
  const login = await portal.call('POST', '/api/v1/portal/login', {
    email: patientEmail,
    password: patientPassphrase,
  })
  expect(login.json().state).toBe('mfa-required')
  return portal.call('POST', '/api/v1/portal/mfa/verify', { code: totpCode(patientSecret, t.clock) })
}

describe('TOTP secrets at rest', () => {
  it('stores the secret a staff member enrols sealed, never in clear, and signs in with it', async () => {
    const stored = await storedStaffSecret(demoEmails.prescriber)
    expect(isSealed(stored)).toBe(true)
    expect(stored).not.toContain(prescriberSecret)
    expect(t.ctx.secrets.open(stored)).toBe(prescriberSecret)
    expect((await staffSignIn()).statusCode).toBe(200)
    expect((await patientSignIn()).statusCode).toBe(200)
  })

  it('encrypts clear secrets left from before migration 015 at start-up, once, and sign-in still works', async () => {
    // As an installation upgraded from before migration 015 holds them.
    const box = t.ctx.secrets
    await t.database.db.updateTable('mfa_secret').set({ secret_base32: prescriberSecret }).execute()
    await t.database.db
      .updateTable('patient_account')
      .set({ mfa_secret_base32: patientSecret, mfa_pending_secret_base32: 'JBSWY3DPEHPK3PXP' })
      .execute()
    const first = await prepareSecrets(t.database.db, t.ctx.config)
    expect(first.notices.join(' ')).toMatch(/Encrypted 3 TOTP secret/)
    expect(first.box.keyId).toBe(box.keyId)
    const stored = await storedSecrets()
    expect(stored).toHaveLength(3)
    for (const value of stored) expect(sealedKeyId(value)).toBe(box.keyId)
    expect((await prepareSecrets(t.database.db, t.ctx.config)).notices).toEqual([])
    const keyring = await t.database.db.selectFrom('secret_keyring').selectAll().executeTakeFirstOrThrow()
    expect(keyring.key_id).toBe(box.keyId)
    expect((await staffSignIn()).statusCode).toBe(200)
    expect((await patientSignIn()).statusCode).toBe(200)
  })

  it('refuses to start with a wrong key, naming both keys, and never reads a wrong key as a wrong code', async () => {
    const wrong = SecretKey.generate()
    const config = { ...t.ctx.config, secretKey: wrong }
    await expect(prepareSecrets(t.database.db, config)).rejects.toThrow(SecretKeyError)
    await expect(prepareSecrets(t.database.db, config)).rejects.toThrow(
      new RegExp(`key ${wrong.id}.*encrypted under key ${t.ctx.secrets.keyId}`),
    )
    const app = await buildApp(config, t.database, { now: t.clock.now })
    try {
      const verify = await staffSignIn(app)
      expect(verify.statusCode).toBe(500)
      expect(verify.json().code).not.toBe('invalid-mfa-code')
      // And the failure did not count against the prescriber as a wrong code.
      const user = await t.database.db
        .selectFrom('app_user')
        .select('failed_login_count')
        .where('email', '=', demoEmails.prescriber)
        .executeTakeFirstOrThrow()
      expect(user.failed_login_count).toBe(0)
    } finally {
      await app.close()
    }
  })

  it('rotate-key re-encrypts every secret in one transaction; sign-in works under the new key only', async () => {
    const current = t.ctx.secrets
    const next = new SecretBox(SecretKey.generate())
    // A wrong "current" key changes nothing.
    await expect(
      rotateSecretKey(t.database.db, new SecretBox(SecretKey.generate()), next, t.clock.now()),
    ).rejects.toThrow(SecretKeyError)
    for (const value of await storedSecrets()) expect(sealedKeyId(value)).toBe(current.keyId)

    const result = await rotateSecretKey(t.database.db, current, next, t.clock.now())
    expect(result).toMatchObject({ staff: 1, patients: 2, fromKeyId: current.keyId, toKeyId: next.keyId })
    const stored = await storedSecrets()
    for (const value of stored) expect(sealedKeyId(value)).toBe(next.keyId)
    expect(() => current.open(stored[0]!)).toThrow(SecretKeyError)

    const config = { ...t.ctx.config, secretKey: next.key }
    await expect(prepareSecrets(t.database.db, config)).resolves.toMatchObject({ notices: [] })
    await expect(prepareSecrets(t.database.db, t.ctx.config)).rejects.toThrow(SecretKeyError)
    const app = await buildApp(config, t.database, { now: t.clock.now })
    try {
      expect((await staffSignIn(app)).statusCode).toBe(200)
      expect((await patientSignIn(app)).statusCode).toBe(200)
      // A new enrolment on the rotated installation is sealed under the new key too.
      const nurse = new Client({ ...t, app })
      await nurse.signIn(demoEmails.nurse)
      const enrol = await nurse.post('/api/v1/auth/mfa/enrol', {})
      expect(enrol.statusCode).toBe(200)
      expect(sealedKeyId(await storedStaffSecret(demoEmails.nurse))).toBe(next.keyId)
    } finally {
      await app.close()
    }
  })
})
