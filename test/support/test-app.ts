import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { generateSync } from 'otplib'
import { afterAll, beforeAll } from 'vitest'
import type { DatabaseHandle } from '../../src/db'
import { buildApp } from '../../src/server/app'
import { type Config, loadConfig } from '../../src/server/config'
import type { AppContext } from '../../src/server/context'
import { SecretBox } from '../../src/server/secrets/secret-box'
import { type DemoSignIn, seedDemoOrganization } from '../../src/server/seed/demo'
import { openTestDatabase, testSecretKey } from './test-database'

export { testSecretKey }

/** A clock tests can move: sessions, lockouts and TOTP codes all read it. */
export class TestClock {
  #ms: number
  constructor(start = Date.parse('2026-11-27T09:00:00Z')) {
    this.#ms = start
  }
  now = (): Date => new Date(this.#ms)
  advanceMinutes(minutes: number): void {
    this.#ms += minutes * 60_000
  }
}

export interface TestApp {
  app: FastifyInstance
  database: DatabaseHandle
  ctx: AppContext
  clock: TestClock
  demo: DemoSignIn[]
  clinics: { riverside: string; hillcrest: string }
  close: () => Promise<void>
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const clock = new TestClock()
  const config: Config = loadConfig({
    KETACARE_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    KETACARE_SECRET_KEY: testSecretKey,
    ...env,
  })
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    now: clock.now,
    secrets: new SecretBox(config.secretKey),
  }
  const demo = await seedDemoOrganization(ctx)
  const app = await buildApp(config, database, { now: clock.now })
  const clinicRows = await database.db.selectFrom('clinic').select(['id', 'name']).execute()
  const idOf = (prefix: string) => clinicRows.find((c) => c.name.startsWith(prefix))!.id
  return {
    app,
    database,
    ctx,
    clock,
    demo,
    clinics: { riverside: idOf('Riverside'), hillcrest: idOf('Hillcrest') },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

/**
 * A test app for the file's tests: started before them (`beforeAll`) and closed after them
 * (`afterAll`). Its fields are filled in by `beforeAll`: read them inside hooks and tests.
 */
export function testAppForFile(env: Record<string, string> = {}): TestApp {
  const t = {} as TestApp
  beforeAll(async () => {
    Object.assign(t, await startTestApp(env))
  })
  afterAll(() => t.close())
  return t
}

/** A staff member's account row as stored, by e-mail. */
export function staffUser(t: Pick<TestApp, 'database'>, email: string) {
  return t.database.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow()
}

export function passwordOf(t: TestApp, email: string): string {
  const user = t.demo.find((d) => d.email === email)
  if (!user) throw new Error(`no demo user ${email}`)
  return user.password
}

/** A signed-in client: keeps the session cookie and CSRF token like a browser would. */
export class Client {
  cookie: string | undefined
  csrfToken: string | undefined
  constructor(
    readonly t: TestApp,
    readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {}
    if (this.cookie) headers.cookie = `kc_session=${this.cookie}`
    if (method !== 'GET' && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken
    const response = await this.t.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body !== undefined ? { payload: body as object } : {}),
    })
    const setCookie = response.cookies.find((c) => c.name === 'kc_session')
    if (setCookie) this.cookie = setCookie.value || undefined
    const json = response.headers['content-type']?.toString().includes('json') ? response.json() : undefined
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken
    return response
  }

  get(url: string) {
    return this.request('GET', url)
  }
  post(url: string, body: unknown = {}, options?: { csrf?: boolean }) {
    return this.request('POST', url, body, options)
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body)
  }

  login(email: string, password?: string) {
    return this.post('/api/v1/auth/login', { email, password: password ?? passwordOf(this.t, email) })
  }

  /** Signs in fully, enrolling or answering TOTP as needed; returns the TOTP secret if any. */
  async signIn(email: string, secret?: string): Promise<string | undefined> {
    const login = await this.login(email)
    if (login.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${login.body}`)
    const state = login.json().state
    if (state === 'signed-in') return undefined
    if (state === 'mfa-required') {
      if (!secret) throw new Error(`${email} needs a TOTP secret`)
      const verify = await this.post('/api/v1/auth/mfa/verify', { code: totpCode(secret, this.t.clock) })
      if (verify.statusCode !== 200) throw new Error(`MFA of ${email} failed: ${verify.body}`)
      return secret
    }
    const enrol = await this.post('/api/v1/auth/mfa/enrol', {})
    const newSecret = enrol.json().secret as string
    const confirm = await this.post('/api/v1/auth/mfa/enrol/confirm', {
      code: totpCode(newSecret, this.t.clock),
    })
    if (confirm.statusCode !== 200) throw new Error(`MFA enrolment of ${email} failed: ${confirm.body}`)
    return newSecret
  }
}

export function totpCode(secret: string, clock: TestClock): string {
  return generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) })
}

export const demoEmails = {
  admin: 'admin@demo.ketacare.org',
  prescriber: 'prescriber@demo.ketacare.org',
  nurse: 'nurse@demo.ketacare.org',
  frontDesk: 'frontdesk@demo.ketacare.org',
  auditor: 'auditor@demo.ketacare.org',
  nurse2: 'nurse2@demo.ketacare.org',
} as const
