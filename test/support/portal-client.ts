import { createToken } from '../../src/server/features/portal/store'
import { inOwnerTransaction } from '../../src/server/tenancy'
import type { TestApp } from './test-app'

/** The password the test patients choose for the portal (long enough for its rule). */
export const patientPassphrase = 'a patient chosen passphrase'

/** A one-time link to one questionnaire, as a reminder e-mail carries; valid for `validMs` from now. */
export async function issueSurveyLink(
  t: TestApp,
  patientId: string,
  surveyId: string,
  validMs = 86_400_000,
): Promise<string> {
  const now = t.clock.now()
  const { token } = await inOwnerTransaction(t.ctx, (tx) =>
    createToken(
      tx,
      t.clinics.riverside,
      patientId,
      'survey',
      surveyId,
      new Date(now.getTime() + validMs),
      now,
    ),
  )
  return token
}

/** A patient's browser for the portal API: keeps the portal cookie and the latest CSRF token. */
export class PortalClient {
  cookie: string | undefined
  csrf: string | undefined
  constructor(private readonly t: TestApp) {}

  async call(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = {}
    if (this.cookie) headers.cookie = `kc_portal=${this.cookie}`
    if (method !== 'GET' && options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf
    const res = await this.t.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    })
    const set = res.cookies.find((c) => c.name === 'kc_portal')
    if (set) this.cookie = set.value
    if (res.headers['content-type']?.toString().includes('json')) {
      const json = res.json()
      if (typeof json?.csrfToken === 'string') this.csrf = json.csrfToken
    }
    return res
  }
}
