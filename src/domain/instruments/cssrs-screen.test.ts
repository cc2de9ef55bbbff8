import { describe, expect, it } from 'vitest'
import { DomainValidationError } from '../errors'
import { createCssrsScreen, cssrsScreen, DEFAULT_CSSRS_RISK_CONFIG } from './cssrs-screen'
import type { Answers } from './types'

const noIdeation: Answers = { cssrs_1: false, cssrs_2: false, cssrs_6: false }

function fieldOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainValidationError) return error.field
    throw error
  }
  throw new Error('expected a DomainValidationError')
}

describe('C-SSRS screener skip logic (§4)', () => {
  it('2 = no skips to 6: items 3–5 must not be answered', () => {
    expect(cssrsScreen.score(noIdeation).band?.id).toBe('none')
    expect(cssrsScreen.score({ ...noIdeation, cssrs_3: null }).band?.id).toBe('none')
    expect(fieldOf(() => cssrsScreen.score({ ...noIdeation, cssrs_3: false }))).toBe('items.cssrs_3')
  })

  it('2 = yes requires 3, 4 and 5', () => {
    const answers = { cssrs_1: true, cssrs_2: true, cssrs_3: false, cssrs_4: false, cssrs_6: false }
    expect(fieldOf(() => cssrsScreen.score(answers))).toBe('items.cssrs_5')
  })

  it('items 1, 2 and 6 are always required', () => {
    expect(fieldOf(() => cssrsScreen.score({ cssrs_2: false, cssrs_6: false }))).toBe('items.cssrs_1')
    expect(fieldOf(() => cssrsScreen.score({ cssrs_1: false, cssrs_2: false }))).toBe('items.cssrs_6')
  })

  it('6 = yes requires the "within 3 months" part; 6 = no forbids it', () => {
    expect(fieldOf(() => cssrsScreen.score({ ...noIdeation, cssrs_6: true }))).toBe('items.cssrs_6_recent')
    expect(fieldOf(() => cssrsScreen.score({ ...noIdeation, cssrs_6_recent: true }))).toBe(
      'items.cssrs_6_recent',
    )
  })

  it('rejects numbers where yes/no is expected', () => {
    expect(fieldOf(() => cssrsScreen.score({ ...noIdeation, cssrs_1: 1 }))).toBe('items.cssrs_1')
  })
})

describe('C-SSRS risk levels (⚠️ default mapping, §4)', () => {
  const activeThoughts = { cssrs_1: true, cssrs_2: true, cssrs_3: false, cssrs_4: false, cssrs_5: false }

  it.each([
    ['nothing endorsed', noIdeation, 'none', 0],
    ['1 only', { ...noIdeation, cssrs_1: true }, 'low', 1],
    ['1 and 2 only', { ...activeThoughts, cssrs_6: false }, 'low', 1],
    ['3 (method)', { ...activeThoughts, cssrs_3: true, cssrs_6: false }, 'moderate', 2],
    ['6 lifetime, not recent', { ...noIdeation, cssrs_6: true, cssrs_6_recent: false }, 'moderate', 2],
    ['4 (intent)', { ...activeThoughts, cssrs_4: true, cssrs_6: false }, 'high', 3],
    ['5 (plan)', { ...activeThoughts, cssrs_5: true, cssrs_6: false }, 'high', 3],
    ['6 within 3 months', { ...noIdeation, cssrs_6: true, cssrs_6_recent: true }, 'high', 3],
  ] as Array<[string, Answers, string, number]>)('%s ⇒ %s', (_, answers, level, total) => {
    const result = cssrsScreen.score(answers)
    expect(result.band?.id).toBe(level)
    expect(result.total).toBe(total)
    expect(result.flags.map((f) => f.id)).toEqual(level === 'none' ? [] : ['suicide-risk'])
  })

  it('flags high risk as urgent and counts endorsed items without the 3-month qualifier', () => {
    const result = cssrsScreen.score({ ...noIdeation, cssrs_1: true, cssrs_6: true, cssrs_6_recent: true })
    expect(result.flags[0]?.severity).toBe('urgent')
    expect(result.subscales).toEqual({ endorsedItems: 2 })
  })

  it('accepts a clinic mapping in place of the default', () => {
    const strict = createCssrsScreen({
      ...DEFAULT_CSSRS_RISK_CONFIG,
      high: [...DEFAULT_CSSRS_RISK_CONFIG.high, 'cssrs_6'],
    })
    const lifetime = { ...noIdeation, cssrs_6: true, cssrs_6_recent: false }
    expect(strict.score(lifetime).band?.id).toBe('high')
    expect(cssrsScreen.score(lifetime).band?.id).toBe('moderate')
  })
})
