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

  it('reads KETACARE_SECRET_KEY as base64 or hex, and a bad one stops start-up naming it without echoing it', () => {
    const hex = 'a1'.repeat(32)
    expect(loadConfig({ KETACARE_SECRET_KEY: hex }).secretKey?.id).toMatch(/^[0-9a-f]{8}$/)
    expect(
      loadConfig({ KETACARE_SECRET_KEY: Buffer.from(hex, 'hex').toString('base64') }).secretKey?.id,
    ).toBe(loadConfig({ KETACARE_SECRET_KEY: hex }).secretKey?.id)
    const bad = 'not-a-key-but-a-secret-value'
    expect(() => loadConfig({ KETACARE_SECRET_KEY: bad })).toThrow(/KETACARE_SECRET_KEY: must be 32 bytes/)
    try {
      loadConfig({ KETACARE_SECRET_KEY: bad })
    } catch (error) {
      expect((error as Error).message).not.toContain(bad)
    }
    expect(JSON.stringify(loadConfig({ KETACARE_SECRET_KEY: hex }))).not.toContain(hex)
  })

  it('requires KETACARE_SECRET_KEY with DATABASE_URL, and not on the embedded default', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/ketacare' })).toThrow(
      /KETACARE_SECRET_KEY: required when DATABASE_URL is set/,
    )
    expect(loadConfig({}).secretKey).toBeUndefined()
  })

  it('defaults automatic backups to ./backups, keeping 7, daily', () => {
    expect(loadConfig({}).backup).toEqual({ dir: './backups', keep: 7, intervalHours: 24 })
    expect(() => loadConfig({ KETACARE_BACKUP_KEEP: '0' })).toThrow(/KETACARE_BACKUP_KEEP/)
  })
})
