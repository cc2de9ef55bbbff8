import { describe, expect, it } from 'vitest'
import { redactUrl } from './log-redaction'

describe('redactUrl', () => {
  it('drops the token of every portal link shape and keeps the route', () => {
    const t = 'AbC_123-xyzAbC_123-xyzAbC_123-xyz'
    expect(redactUrl(`/portal/invite/${t}`)).toBe('/portal/invite/[redacted]')
    expect(redactUrl(`/portal/s/${t}?x=1`)).toBe('/portal/s/[redacted]?x=1')
    expect(redactUrl(`/api/v1/portal/invites/${t}/accept`)).toBe('/api/v1/portal/invites/[redacted]/accept')
    expect(redactUrl(`/api/v1/portal/magic/${t}`)).toBe('/api/v1/portal/magic/[redacted]')
    expect(redactUrl(`/anything?token=${t}&a=b`)).toBe('/anything?token=[redacted]&a=b')
    expect(redactUrl(`/x?a=1&resetToken=${t}`)).toBe('/x?a=1&resetToken=[redacted]')
  })

  it('leaves other portal routes alone', () => {
    expect(redactUrl('/api/v1/portal/surveys/0199-abc/submit')).toBe('/api/v1/portal/surveys/0199-abc/submit')
    expect(redactUrl('/api/v1/portal/login')).toBe('/api/v1/portal/login')
  })
})
