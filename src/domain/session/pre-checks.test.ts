import { describe, expect, it } from 'vitest'
import { evaluatePreChecks, type PreCheckFacts, type PreCheckForm } from './pre-checks'
import { defaultVitalsSettings } from './vitals-settings'

const nowMs = Date.UTC(2026, 2, 10, 9)
const dayMs = 86_400_000
const form: PreCheckForm = {
  identityConfirmed: true,
  fastingConfirmed: true,
  escortConfirmed: true,
  escortName: 'Sam',
  pregnancyStatus: 'negative',
  urinarySymptoms: false,
  notes: null,
}
const complete: PreCheckFacts = {
  form,
  isOverridden: false,
  isConsentCurrent: true,
  plan: { status: 'approved', protocolName: 'Ketamine IV 0.5 mg/kg' },
  latestPreVitals: { takenAtMs: nowMs, systolicMmHg: 124, diastolicMmHg: 78, heartRateBpm: 72 },
  cssrs: { band: 'low', bandLabel: 'Low risk' },
  lastPhq9AtMs: nowMs - 2 * dayMs,
  hasPhq9ThisSession: false,
  patient: { sex: 'male', ageYears: 40 },
  cautions: { id: 'cautions', label: 'Pre-dose cautions acknowledged', status: 'pass', detail: 'None' },
  nowMs,
}
const evaluate = (changes: Partial<PreCheckFacts>) =>
  evaluatePreChecks({ ...complete, ...changes }, defaultVitalsSettings)
const statusOf = (changes: Partial<PreCheckFacts>, id: string) =>
  evaluate(changes).items.find((i) => i.id === id)?.status

describe('pre-checks', () => {
  it('pass when everything is known and within limits, in the screen order', () => {
    const result = evaluate({})
    expect(result.status).toBe('passed')
    expect(result.items.map((i) => i.id)).toEqual([
      'identity',
      'consent',
      'plan',
      'fasting',
      'escort',
      'vitals',
      'cssrs',
      'phq9',
      'urinary',
      'cautions',
    ])
    expect(result.items.find((i) => i.id === 'vitals')?.detail).toBe('BP 124/78, HR 72')
  })

  it.each<[string, Partial<PreCheckFacts>, string, 'pass' | 'fail' | 'pending', 'pending' | 'failed']>([
    ['no form yet', { form: undefined }, 'identity', 'pending', 'pending'],
    ['identity not confirmed', { form: { ...form, identityConfirmed: false } }, 'identity', 'fail', 'failed'],
    ['not fasting', { form: { ...form, fastingConfirmed: false } }, 'fasting', 'fail', 'failed'],
    ['no escort', { form: { ...form, escortConfirmed: false } }, 'escort', 'fail', 'failed'],
    ['urinary symptoms', { form: { ...form, urinarySymptoms: true } }, 'urinary', 'fail', 'failed'],
    ['no current consent', { isConsentCurrent: false }, 'consent', 'fail', 'failed'],
    ['plan not approved', { plan: { status: 'draft', protocolName: 'x' } }, 'plan', 'fail', 'failed'],
    ['no pre-dose vitals', { latestPreVitals: undefined }, 'vitals', 'pending', 'pending'],
    [
      'pre-dose BP above the defer limit',
      { latestPreVitals: { takenAtMs: nowMs, systolicMmHg: 150, diastolicMmHg: 95, heartRateBpm: 70 } },
      'vitals',
      'fail',
      'failed',
    ],
    ['no C-SSRS this visit', { cssrs: undefined }, 'cssrs', 'pending', 'pending'],
    ['C-SSRS high', { cssrs: { band: 'high', bandLabel: 'High risk' } }, 'cssrs', 'fail', 'failed'],
    ['PHQ-9 over a week old', { lastPhq9AtMs: nowMs - 8 * dayMs }, 'phq9', 'pending', 'pending'],
    ['PHQ-9 never given', { lastPhq9AtMs: null }, 'phq9', 'pending', 'pending'],
    [
      'cautions not acknowledged',
      { cautions: { id: 'cautions', label: 'x', status: 'pending', detail: 'x' } },
      'cautions',
      'pending',
      'pending',
    ],
  ])('%s: %s is %s, pre-checks %s', (_case, changes, id, itemStatus, status) => {
    expect(statusOf(changes, id)).toBe(itemStatus)
    expect(evaluate(changes).status).toBe(status)
  })

  it('a PHQ-9 given in this session counts when it is due', () => {
    expect(statusOf({ lastPhq9AtMs: nowMs - 8 * dayMs, hasPhq9ThisSession: true }, 'phq9')).toBe('pass')
  })

  it.each([
    ['female', 12, true],
    ['female', 55, true],
    ['female', 56, false],
    ['female', 11, false],
    ['male', 30, false],
  ] as const)('asks pregnancy status of a %s patient aged %i: %s', (sex, ageYears, isAsked) => {
    const items = evaluate({ patient: { sex, ageYears } }).items
    expect(items.some((i) => i.id === 'pregnancy')).toBe(isAsked)
  })

  it.each([
    ['negative', 'pass'],
    ['not-applicable', 'pass'],
    ['positive', 'fail'],
    ['declined', 'fail'],
  ] as const)('pregnancy status %s is %s', (pregnancyStatus, status) => {
    expect(
      statusOf({ patient: { sex: 'female', ageYears: 30 }, form: { ...form, pregnancyStatus } }, 'pregnancy'),
    ).toBe(status)
  })

  it('a prescriber override wins over failing items', () => {
    expect(evaluate({ isConsentCurrent: false, isOverridden: true }).status).toBe('overridden')
  })
})
