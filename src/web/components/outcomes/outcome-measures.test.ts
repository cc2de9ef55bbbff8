import { describe, expect, it } from 'vitest'
import { findBenchmarks } from '../../../domain/outcomes'
import type { OutcomeDashboard, Proportion } from '../../api/outcomes'
import { buildMeasureRows, buildOutcomesCsv } from './outcome-measures'

const p = (successes: number, total: number, lower: number, upper: number): Proportion => ({
  successes,
  total,
  rate: successes / total,
  lower,
  upper,
})
const none: Proportion = { successes: 0, total: 0, rate: null, lower: null, upper: null }

const dashboard: OutcomeDashboard = {
  cohort: {
    patients: 40,
    byRoute: { iv: 40, intranasal: 0 },
    sessions: 200,
    clinics: [{ id: 'c1', name: 'Riverside', patients: 40 }],
    filter: {
      allClinics: false,
      route: null,
      protocol: null,
      ageBand: null,
      severity: null,
      from: null,
      to: null,
    },
  },
  outcomes: {
    '24h': { response: p(20, 40, 0.352, 0.648), remission: p(8, 40, 0.105, 0.348) },
    '1w': { response: p(18, 38, 0.321, 0.629), remission: none },
    'course-end': { response: p(25, 36, 0.53, 0.82), remission: p(9, 36, 0.14, 0.41) },
  },
  relapse: {
    responders: 25,
    events: 12,
    medianDays: 21.5,
    medianLowerDays: 14,
    medianUpperDays: null,
    steps: [],
  },
  adverseEvents: [{ term: 'nausea', grade: 1, count: 30, per100Sessions: 15 }],
  bloodPressure: { sessions: 200, excursions: p(2, 200, 0.003, 0.036), meanSystolicRiseMmHg: 15.2 },
  noResponseAfterThree: p(18, 38, 0.32, 0.63),
  chairUtilisation: {
    from: '2026-10-28T00:00:00.000Z',
    to: '2026-11-27T00:00:00.000Z',
    bookedHours: 100,
    capacityHours: 400,
    rate: 0.25,
  },
  comparison: { treatment: 'iv-ketamine' },
  benchmarks: findBenchmarks({ treatment: 'iv-ketamine' }),
}

describe('outcome measures', () => {
  it('puts each rate in percent with its interval beside the literature of the same metric and timepoint', () => {
    const rows = buildMeasureRows(dashboard)
    const response24h = rows.find((r) => r.measure === 'Response' && r.timepoint === '24 hours')
    expect(response24h).toMatchObject({ count: 20, n: 40, value: 50, lower: 35.2, upper: 64.8, unit: '%' })
    expect(response24h?.literatureValue).toEqual([52.2])
    const responseEnd = rows.find((r) => r.measure === 'Response' && r.timepoint === 'Course end')
    expect(responseEnd?.literatureValue).toEqual([70.8, 55.4])
    const remission1w = rows.find((r) => r.measure === 'Remission' && r.timepoint === '1 week')
    expect(remission1w).toMatchObject({ n: 0, value: null, lower: null, literatureValue: [26.2] })
    expect(rows.find((r) => r.section === 'Relapse')).toMatchObject({ value: 21.5, literatureValue: [18] })
  })

  it('writes one CSV row per measure, quoting cells with commas and leaving unknowns empty', () => {
    const lines = buildOutcomesCsv(dashboard).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'section,measure,timepoint,count,n,value,ci95_lower,ci95_upper,unit,literature_value,literature_source',
    )
    expect(lines).toContain(
      'Efficacy,Response,24 hours,20,40,50,35.2,64.8,%,52.2,"Han et al., NDT 2016 (meta-analysis of 9 RCTs, n = 368)"',
    )
    expect(lines).toContain(
      'Efficacy,Remission,1 week,0,0,,,,%,26.2,"Han et al., NDT 2016 (meta-analysis of 9 RCTs, n = 368)"',
    )
    expect(lines).toContain('Side effects,nausea (grade 1),,30,200,15,,,per 100 sessions,,')
    expect(lines).toHaveLength(1 + 1 + 6 + 1 + 1 + 2 + 1 + 1)
  })

  it('lists each clinic’s patients when several clinics are added up, and only then', () => {
    expect(buildMeasureRows(dashboard).filter((r) => r.section === 'Cohort')).toHaveLength(1)
    const both: OutcomeDashboard = {
      ...dashboard,
      cohort: {
        ...dashboard.cohort,
        clinics: [
          { id: 'c1', name: 'Riverside', patients: 30 },
          { id: 'c2', name: 'Hillcrest', patients: 10 },
        ],
        filter: { ...dashboard.cohort.filter, allClinics: true },
      },
    }
    const lines = buildOutcomesCsv(both).trimEnd().split('\r\n')
    expect(lines).toContain('Cohort,Patients,,,40,,,,patients,,')
    expect(lines).toContain('Cohort,Patients,Riverside,,30,,,,patients,,')
    expect(lines).toContain('Cohort,Patients,Hillcrest,,10,,,,patients,,')
  })

  it('writes a side-effect term that looks like a formula as text, and a negative figure as a number', () => {
    const csv = buildOutcomesCsv({
      ...dashboard,
      adverseEvents: [
        { term: '=HYPERLINK("http://x.example","open")', grade: 1, count: 3, per100Sessions: 1.5 },
      ],
      bloodPressure: { ...dashboard.bloodPressure, meanSystolicRiseMmHg: -3.5 },
    })
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""open"") (grade 1)"`)
    expect(csv).not.toMatch(/(^|,)"?=/m)
    expect(csv).toMatch(/,-3\.5,/)
  })
})
