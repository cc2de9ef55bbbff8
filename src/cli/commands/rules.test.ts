import { describe, expect, it } from 'vitest'
import { runCommand } from '../../../test/support/cli'
import { settingPaths } from '../../domain/rules'

const run = runCommand

describe('ketacare rules --list', () => {
  it('prints every rule as JSON with id, § source, mark and the default of every setting', async () => {
    const { code, out } = await run('rules', '--list', '--json')
    expect(code).toBe(0)
    const { clinic, rules } = JSON.parse(out)
    expect(clinic).toBeNull()
    const fields = rules.flatMap((r: { parameters: { field: string }[] }) => r.parameters.map((p) => p.field))
    expect([...fields].sort()).toEqual([...settingPaths].sort())
    expect(rules.find((r: { id: string }) => r.id === 'vitals.spo2-below')).toMatchObject({
      source: { section: '§2' },
      mark: '⚠️',
      kind: 'setting',
      parameters: [{ field: 'vitals.spo2BelowPercent', defaultValue: 92, unit: '%' }],
    })
    // §3 ✅: the REMS hard stop is listed, as a fixed rule with no setting.
    expect(rules.find((r: { id: string }) => r.id === 'rems.enrolment-hard-stop')).toMatchObject({
      kind: 'fixed',
      mark: '✅',
    })
  })

  it('prints a readable list marking unverified defaults, and refuses a call without --list', async () => {
    const { code, out } = await run('rules', '--list')
    expect(code).toBe(0)
    expect(out).toMatch(/vitals\.spo2-below {2}⚠️ unverified default {2}§2/)
    expect(out).toContain('SpO2 below: 92 % (vitals.spo2BelowPercent)')
    expect(out).toMatch(/rems\.enrolment-hard-stop {2}✅ verified {2}§3/)
    const bare = await run('rules')
    expect(bare.code).toBe(2)
    expect(bare.err).toMatch(/--list/)
  })
})
