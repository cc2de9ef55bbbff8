import { describe, expect, it } from 'vitest'
import { researchCsvLine } from './export'

describe('research export CSV', () => {
  it('writes a side-effect term that looks like a formula as text, never as a live formula', () => {
    const line = researchCsvLine('event', {
      researchId: 'R-0123456789abcdef',
      sessionRef: 'S-0123456789abcdef',
      kind: 'side-effect',
      term: '=HYPERLINK("http://x.example","open")',
      grade: 2,
      isSerious: false,
      onsetAt: '2026-03-17T18:20:00.000Z',
      resolvedAt: null,
    })
    expect(line).toBe(
      `R-0123456789abcdef,S-0123456789abcdef,side-effect,"'=HYPERLINK(""http://x.example"",""open"")",2,false,2026-03-17T18:20:00.000Z,\n`,
    )
  })

  it('keeps numbers as numbers and quotes text holding commas or line breaks', () => {
    expect(
      researchCsvLine('score', {
        researchId: 'R-1',
        sessionRef: null,
        instrument: 'phq9',
        total: 16,
        band: 'moderately, severe',
        context: 'two\nlines',
        at: '2026-03-17T17:00:00.000Z',
      }),
    ).toBe('R-1,,phq9,16,"moderately, severe","two\nlines",2026-03-17T17:00:00.000Z\n')
  })
})
