import { describe, expect, it } from 'vitest'
import {
  benefitReviewDue,
  devicesForDose,
  esketamineDoseOptionsMg,
  esketamineStartDose,
  nextDueDates,
  phaseDoseOptionsMg,
  phaseForDate,
} from './esketamine-schedule'
import { type EsketamineProtocol, findProtocol } from './protocols'

const trd = findProtocol('esketamine-trd') as EsketamineProtocol
const si = findProtocol('esketamine-suicidal-ideation') as EsketamineProtocol

describe('devicesForDose (§3)', () => {
  it('56 mg = 2 devices, 4 sprays, at 0 and 5 min; 84 mg = 3 devices', () => {
    expect(devicesForDose(56)).toEqual({
      doseMg: 56,
      deviceCount: 2,
      sprayCount: 4,
      deviceOffsetsMin: [0, 5],
    })
    expect(devicesForDose(84).deviceOffsetsMin).toEqual([0, 5, 10])
    expect(() => devicesForDose(70)).toThrow(/doseMg/)
  })
})

describe('esketamine age ≥ 65 schedule (§3, EU SmPC 4.2)', () => {
  it('starts at 56 mg under 65 and at 28 mg from 65', () => {
    expect(esketamineStartDose(trd, 64)).toMatchObject({ doseMg: 56, isOlderAdultStart: false })
    expect(esketamineStartDose(trd, 65)).toMatchObject({ doseMg: 28, isOlderAdultStart: true })
    expect(esketamineStartDose(trd, 65).reason).not.toMatch(/unverified/)
    expect(esketamineStartDose(trd, 70, { isEnabled: false, fromAgeYears: 65, doseMg: 28 }).doseMg).toBe(56)
    expect(esketamineStartDose(si, 70).doseMg).toBe(84)
    expect(() => esketamineStartDose(trd, -1)).toThrow(/ageYears/)
  })

  it('then allows 28, 56 or 84 mg in every phase from 65; 56 or 84 mg under 65', () => {
    const induction = trd.phases[0]!
    expect(phaseDoseOptionsMg(trd, induction, 70)).toEqual([28, 56, 84])
    expect(phaseDoseOptionsMg(trd, trd.phases[2]!, 65)).toEqual([28, 56, 84])
    expect(phaseDoseOptionsMg(trd, induction, 64)).toEqual([56, 84])
    expect(esketamineDoseOptionsMg(trd, 70)).toEqual([28, 56, 84])
    expect(esketamineDoseOptionsMg(trd, 40)).toEqual([56, 84])
    expect(esketamineDoseOptionsMg(trd, null)).toEqual([56, 84])
  })
})

describe('esketamine suicidal-ideation protocol (§3, label §2)', () => {
  it('is 84 mg twice weekly for 4 weeks, 56 mg allowed for tolerability', () => {
    expect(si.firstDoseMg).toBe(84)
    expect(si.phases).toEqual([
      { name: 'induction', fromWeek: 1, toWeek: 4, frequencies: ['twice-weekly'], doseOptionsMg: [84, 56] },
    ])
    expect(esketamineDoseOptionsMg(si, 40)).toEqual([56, 84])
    // The ≥ 65 start applies to the TRD schedule (§3); the SI schedule keeps 84 mg.
    expect(esketamineDoseOptionsMg(si, 70)).toEqual([56, 84])
  })

  it('has its benefit review due 4 weeks after the first session', () => {
    expect(benefitReviewDue(si, '2025-03-03')).toEqual({ date: '2025-03-31', afterWeek: 4 })
    expect(benefitReviewDue(trd, '2025-03-03')).toEqual({ date: '2025-03-31', afterWeek: 4 })
  })
})

describe('phaseForDate', () => {
  it('maps treatment weeks to phases', () => {
    for (const [date, weekNumber, name] of [
      ['2025-03-03', 1, 'induction'],
      ['2025-03-30', 4, 'induction'],
      ['2025-03-31', 5, 'maintenance'],
      ['2025-04-28', 9, 'continuation'],
    ] as const) {
      expect(phaseForDate(trd, '2025-03-03', date), date).toMatchObject({ weekNumber, phase: { name } })
    }
    expect(phaseForDate(si, '2025-03-03', '2025-03-31')).toBeNull()
    expect(phaseForDate(trd, '2025-03-03', '2025-03-02')).toBeNull()
  })

  it('accepts epoch ms and rejects malformed dates', () => {
    expect(phaseForDate(trd, Date.UTC(2025, 2, 3), Date.UTC(2025, 2, 10, 15))?.weekNumber).toBe(2)
    expect(() => phaseForDate(trd, '2025-02-30', '2025-03-01')).toThrow(/firstSession/)
    expect(() => phaseForDate(trd, '2025-03-03', '03/04/2025')).toThrow(/date/)
  })
})

/** The eight twice-weekly sessions of induction, from Monday 3 March 2025. */
const inductionDates = [
  '2025-03-03',
  '2025-03-06',
  '2025-03-10',
  '2025-03-13',
  '2025-03-17',
  '2025-03-20',
  '2025-03-24',
  '2025-03-27',
]

describe('nextDueDates', () => {
  it('alternates 3- and 4-day gaps twice weekly in induction', () => {
    const due = nextDueDates(trd, ['2025-03-03'], { count: 3 })
    expect(due.map((d) => d.date)).toEqual(['2025-03-06', '2025-03-10', '2025-03-13'])
    expect(due.every((d) => d.phase === 'induction' && d.frequency === 'twice-weekly')).toBe(true)
  })

  it('moves to weekly maintenance with a benefit review, then every 2 weeks or weekly', () => {
    const induction = inductionDates
    const due = nextDueDates(trd, induction, { count: 6 })
    expect(due.map((d) => [d.date, d.phase, d.isBenefitReview])).toEqual([
      ['2025-03-31', 'maintenance', true],
      ['2025-04-07', 'maintenance', false],
      ['2025-04-14', 'maintenance', false],
      ['2025-04-21', 'maintenance', false],
      ['2025-04-28', 'continuation', false],
      ['2025-05-12', 'continuation', false],
    ])
    const weekly = nextDueDates(
      trd,
      [...induction, '2025-03-31', '2025-04-07', '2025-04-14', '2025-04-21', '2025-04-28'],
      {
        preferredFrequency: 'weekly',
      },
    )
    expect(weekly[0]).toMatchObject({ date: '2025-05-05', frequency: 'weekly' })
  })

  it('stops when a finite protocol ends', () => {
    const sessions = inductionDates
    expect(nextDueDates(si, sessions)).toEqual([])
    expect(nextDueDates(si, sessions.slice(0, 7))[0]?.date).toBe('2025-03-27')
  })

  it('rejects an empty history and a bad count', () => {
    expect(() => nextDueDates(trd, [])).toThrow(/pastSessions/)
    expect(() => nextDueDates(trd, ['2025-03-03'], { count: 0 })).toThrow(/count/)
  })
})
