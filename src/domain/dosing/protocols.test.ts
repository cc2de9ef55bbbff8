import { describe, expect, it } from 'vitest'
import { defineEsketamineProtocol, defineIvProtocol, findProtocol, listProtocols } from './protocols'

describe('protocols', () => {
  it('lists the three built-in protocols', () => {
    expect(listProtocols().map((p) => p.id)).toEqual([
      'iv-racemic-standard',
      'esketamine-trd',
      'esketamine-suicidal-ideation',
    ])
  })

  it('encodes §2 and §3 numbers', () => {
    expect(findProtocol('iv-racemic-standard')).toMatchObject({
      doseMgPerKg: 0.5,
      infusionMin: 40,
      courseSessions: 6,
    })
    const trd = findProtocol('esketamine-trd')
    expect(
      trd.route === 'intranasal' && trd.phases.map((p) => [p.name, p.fromWeek, p.toWeek, p.frequencies]),
    ).toEqual([
      ['induction', 1, 4, ['twice-weekly']],
      ['maintenance', 5, 8, ['weekly']],
      ['continuation', 9, null, ['every-2-weeks', 'weekly']],
    ])
    expect(findProtocol('esketamine-suicidal-ideation')).toMatchObject({
      firstDoseMg: 84,
      assessBenefitAfterWeek: 4,
    })
  })

  it('defines a custom IV protocol and finds it', () => {
    const custom = defineIvProtocol({
      id: 'iv-slow-60',
      name: '0.5 mg/kg over 60 min',
      doseMgPerKg: 0.5,
      infusionMin: 60,
      courseSessions: 6,
      cadences: [{ id: 'weekly', sessionsPerWeek: 1, courseDays: 42, source: 'clinic' }],
      reviewAfterSessionsWithoutResponse: 3,
      source: 'clinic protocol 2025-01',
    })
    expect(custom.isCustom).toBe(true)
    expect(findProtocol('iv-slow-60', [custom])).toBe(custom)
  })

  it('rejects invalid custom protocols with the field', () => {
    const base = {
      id: 'esk-custom',
      name: 'custom',
      firstDoseMg: 56,
      assessBenefitAfterWeek: 4,
      hasOlderAdultStartDose: true,
      source: 'clinic',
    }
    expect(() =>
      defineEsketamineProtocol({
        ...base,
        phases: [{ name: 'induction', fromWeek: 2, toWeek: 4, frequencies: ['weekly'], doseOptionsMg: [56] }],
      }),
    ).toThrow(/phases.0.fromWeek/)
    expect(() =>
      defineEsketamineProtocol({
        ...base,
        phases: [{ name: 'induction', fromWeek: 1, toWeek: 4, frequencies: ['weekly'], doseOptionsMg: [60] }],
      }),
    ).toThrow(/doseOptionsMg/)
    expect(() =>
      defineIvProtocol({ ...findProtocol('iv-racemic-standard'), id: 'iv-racemic-standard' } as never),
    ).toThrow(/built-in/)
    expect(() => findProtocol('nope')).toThrow(/protocol/)
  })
})
