import type { TestApp } from './test-app'

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
