import { describe, expect, it } from 'vitest'
import { concomitantAnswers } from './rems-concomitant'

describe('REMS concomitant medicines (§3 Patient Monitoring Form)', () => {
  it('answers from the chart where it has a current fact, says so, and leaves the rest open', () => {
    const a = concomitantAnswers([
      {
        drugClass: 'maois',
        isCurrent: true,
        source: 'antidepressant history: phenelzine, running at this session',
      },
    ])
    expect(a.maois).toEqual({ value: true, origin: 'chart', source: expect.stringMatching(/phenelzine/) })
    expect(a.opioids).toMatchObject({
      value: null,
      origin: 'not-recorded',
      source: expect.stringMatching(/clinician/),
    })
  })

  it('a past trial is a hint for the clinician, not a yes', () => {
    const a = concomitantAnswers([
      { drugClass: 'maois', isCurrent: false, source: 'antidepressant history: tranylcypromine' },
    ])
    expect(a.maois.value).toBeNull()
    expect(a.maois.source).toMatch(/tranylcypromine: confirm whether still taken/)
  })

  it("the clinician's entry on the form wins over the chart", () => {
    const a = concomitantAnswers(
      [{ drugClass: 'maois', isCurrent: true, source: 'antidepressant history' }],
      { maois: false, opioids: true },
      'Nina Okafor, RN',
    )
    expect(a.maois).toEqual({
      value: false,
      origin: 'form',
      source: 'entered on the form by Nina Okafor, RN',
    })
    expect(a.opioids.value).toBe(true)
    expect(a.benzodiazepines.value).toBeNull()
  })
})
