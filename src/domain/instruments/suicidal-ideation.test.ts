import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { getInstrument } from './registry'
import {
  defaultSuicidalIdeationSettings,
  resolveSuicidalIdeationSettings,
  type SuicidalIdeationSettingKey,
  type SuicidalIdeationSettings,
  suicidalIdeationItems,
  validateSuicidalIdeationSettings,
} from './suicidal-ideation'
import { answerAll } from './test-helpers'
import type { Answers, AnswerValue } from './types'

/** Every item 0 except the suicidal-ideation item; QIDS leaves 7 and 9 blank (§4 form). */
function answersWith(key: SuicidalIdeationSettingKey, value: number): Answers {
  const { instrumentId, itemId } = suicidalIdeationItems[key]
  const base: Record<string, AnswerValue> = { ...answerAll(getInstrument(instrumentId), 0) }
  if (instrumentId === 'qids-sr16') Object.assign(base, { qids_7: null, qids_9: null })
  return { ...base, [itemId]: value }
}

function severityOf(key: SuicidalIdeationSettingKey, value: number, settings?: SuicidalIdeationSettings) {
  const instrument = getInstrument(
    suicidalIdeationItems[key].instrumentId,
    settings ? { suicidalIdeation: settings } : undefined,
  )
  const flag = instrument.score(answersWith(key, value)).flags.find((f) => f.id === 'suicide-risk')
  return flag?.severity ?? 'none'
}

describe('suicidal-ideation items raise the suicide-risk flag (§4)', () => {
  it('has the §4 defaults', () => {
    expect(defaultSuicidalIdeationSettings).toEqual({
      phq9Item9: { urgentAtOrAbove: 1 },
      qidsItem12: { warningAtOrAbove: 1, urgentAtOrAbove: 2 },
      madrsItem10: { warningAtOrAbove: 1, urgentAtOrAbove: 4 },
      hamdItem3: { warningAtOrAbove: 1, urgentAtOrAbove: 3 },
    })
  })

  it.each([
    [
      'phq9Item9',
      [
        ['none', 0],
        ['urgent', 1],
        ['urgent', 3],
      ],
    ],
    [
      'qidsItem12',
      [
        ['none', 0],
        ['warning', 1],
        ['urgent', 2],
        ['urgent', 3],
      ],
    ],
    [
      'madrsItem10',
      [
        ['none', 0],
        ['warning', 1],
        ['warning', 3],
        ['urgent', 4],
        ['urgent', 6],
      ],
    ],
    [
      'hamdItem3',
      [
        ['none', 0],
        ['warning', 1],
        ['warning', 2],
        ['urgent', 3],
        ['urgent', 4],
      ],
    ],
  ] as const)('§4 default levels of %s', (key, cases) => {
    for (const [severity, value] of cases) expect([value, severityOf(key, value)]).toEqual([value, severity])
  })

  it('names the item and the answer in the flag message (§4)', () => {
    const { flags } = getInstrument('qids-sr16').score(answersWith('qidsItem12', 3))
    expect(flags).toEqual([
      {
        id: 'suicide-risk',
        severity: 'urgent',
        message: expect.stringMatching(/^Item 12 \(thoughts of death or suicide\) answered 3.*same day/),
      },
    ])
    expect(getInstrument('madrs').score(answersWith('madrsItem10', 2)).flags[0]?.message).toMatch(
      /Item 10 \(suicidal thoughts\) answered 2, at or above the warning level 1/,
    )
  })

  it('keeps PHQ-9 item 9 ≥ 1 urgent with same-day follow-up (§4 ✅)', () => {
    const flag = getInstrument('phq9').score(answersWith('phq9Item9', 1)).flags[0]
    expect(flag).toMatchObject({ id: 'suicide-risk', severity: 'urgent', message: /same day/ })
  })

  it('uses a clinic’s thresholds when the instrument is built with them (§4 clinic setting)', () => {
    const strict: SuicidalIdeationSettings = {
      ...defaultSuicidalIdeationSettings,
      qidsItem12: { warningAtOrAbove: 1, urgentAtOrAbove: 1 },
      madrsItem10: { warningAtOrAbove: 2, urgentAtOrAbove: 3 },
      hamdItem3: { warningAtOrAbove: 2, urgentAtOrAbove: 2 },
    }
    expect(severityOf('qidsItem12', 1, strict)).toBe('urgent')
    expect(severityOf('madrsItem10', 1, strict)).toBe('none')
    expect(severityOf('madrsItem10', 3, strict)).toBe('urgent')
    expect(severityOf('hamdItem3', 1, strict)).toBe('none')
    expect(severityOf('hamdItem3', 2, strict)).toBe('urgent')
    // Without settings, getInstrument keeps the defaults.
    expect(severityOf('qidsItem12', 1)).toBe('warning')
  })

  it('never lowers the flag as the item value rises (§4, any valid settings)', () => {
    const keys = Object.keys(suicidalIdeationItems) as SuicidalIdeationSettingKey[]
    const rank = { none: 0, info: 1, warning: 2, urgent: 3 } as const
    const arbitrary = fc.constantFrom(...keys).chain((key) => {
      const max = suicidalIdeationItems[key].maxValue
      return fc
        .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }), fc.integer({ min: 0, max: max - 1 }))
        .map(([a, b, value]) => ({ key, warning: Math.min(a, b), urgent: Math.max(a, b), value }))
    })
    fc.assert(
      fc.property(arbitrary, ({ key, warning, urgent, value }) => {
        const settings = {
          ...defaultSuicidalIdeationSettings,
          [key]:
            key === 'phq9Item9'
              ? { urgentAtOrAbove: urgent }
              : { warningAtOrAbove: warning, urgentAtOrAbove: urgent },
        }
        expect(rank[severityOf(key, value + 1, settings)]).toBeGreaterThanOrEqual(
          rank[severityOf(key, value, settings)],
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('suicidal-ideation settings validation (§4 clinic setting)', () => {
  const invalid = (change: Partial<SuicidalIdeationSettings>) => {
    try {
      validateSuicidalIdeationSettings({ ...defaultSuicidalIdeationSettings, ...change })
    } catch (error) {
      expect(error).toBeInstanceOf(DomainValidationError)
      return (error as DomainValidationError).field
    }
    return null
  }

  it('accepts the defaults', () => {
    expect(invalid({})).toBeNull()
  })

  it.each([
    [
      { qidsItem12: { warningAtOrAbove: 1, urgentAtOrAbove: 4 } },
      'suicidalIdeation.qidsItem12.urgentAtOrAbove',
    ],
    [
      { madrsItem10: { warningAtOrAbove: 0, urgentAtOrAbove: 4 } },
      'suicidalIdeation.madrsItem10.warningAtOrAbove',
    ],
    [
      { hamdItem3: { warningAtOrAbove: 3, urgentAtOrAbove: 2 } },
      'suicidalIdeation.hamdItem3.warningAtOrAbove',
    ],
    [{ phq9Item9: { urgentAtOrAbove: 1.5 } }, 'suicidalIdeation.phq9Item9.urgentAtOrAbove'],
    [
      { madrsItem10: { warningAtOrAbove: 1, urgentAtOrAbove: 7 } },
      'suicidalIdeation.madrsItem10.urgentAtOrAbove',
    ],
  ])('refuses %j naming %s', (change, field) => {
    expect(invalid(change as Partial<SuicidalIdeationSettings>)).toBe(field)
  })

  it('merges a clinic’s partial settings over the defaults, per instrument', () => {
    expect(resolveSuicidalIdeationSettings({ qidsItem12: { urgentAtOrAbove: 3 } })).toEqual({
      ...defaultSuicidalIdeationSettings,
      qidsItem12: { warningAtOrAbove: 1, urgentAtOrAbove: 3 },
    })
    expect(resolveSuicidalIdeationSettings(undefined)).toEqual(defaultSuicidalIdeationSettings)
    expect(() => resolveSuicidalIdeationSettings({ hamdItem3: { urgentAtOrAbove: 9 } })).toThrow(
      /suicidalIdeation.hamdItem3.urgentAtOrAbove/,
    )
  })
})

describe('HAM-D17 item 3 anchors (§4)', () => {
  it('rates suicide on its own 0–4 anchors, in our words', () => {
    const item3 = getInstrument('hamd17').items.find((i) => i.id === 'hamd_3')!
    expect(item3.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4])
    const labels = item3.options.map((o) => o.label)
    expect(labels[0]).toBe('Absent')
    expect(labels[1]).toMatch(/life is not worth living/)
    expect(labels[2]).toMatch(/dead/)
    expect(labels[3]).toMatch(/suicidal ideas or a suicidal gesture/i)
    expect(labels[4]).toMatch(/attempt/)
  })
})
