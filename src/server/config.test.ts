import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      sessionIdleMin: 15,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 5,
      referralRatePerHour: 10,
      seedDemo: true,
    })
  })

  it('stops start-up with a message naming each bad variable and its value', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: .*\(got "eighty"\)/)
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres/)
    }
  })

  it('takes the referral rate limit from KETACARE_REFERRAL_RATE_PER_HOUR and refuses zero', () => {
    expect(loadConfig({ KETACARE_REFERRAL_RATE_PER_HOUR: '3' }).referralRatePerHour).toBe(3)
    expect(() => loadConfig({ KETACARE_REFERRAL_RATE_PER_HOUR: '0' })).toThrow(
      /KETACARE_REFERRAL_RATE_PER_HOUR/,
    )
  })

  it('turns on Secure cookies for an https public address', () => {
    expect(loadConfig({ KETACARE_PUBLIC_URL: 'https://clinic.example.org' }).secureCookies).toBe(true)
  })

  it('ignores variables it does not own and treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', UNRELATED: 'x' }).port).toBe(3000)
  })
})
