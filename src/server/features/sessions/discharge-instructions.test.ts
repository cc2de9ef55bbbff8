import { describe, expect, it } from 'vitest'
import { pdfText } from '../../../../test/support/pdf-text'
import { patientGradeLimit, readingGrade } from '../../../../test/support/readability'
import { renderDischargeInstructions } from './documents'
import type { SessionView } from './view'

// The discharge sheet a patient takes home reads at US grade 8 or below (issue 14), as printed.
const viewFor = (route: 'iv' | 'intranasal') =>
  ({ patient: { name: 'Jordan Avery' }, session: { sessionNumber: 3, route } }) as unknown as SessionView

describe('discharge instructions PDF', () => {
  for (const route of ['iv', 'intranasal'] as const) {
    it(`reads at grade ${patientGradeLimit} or below and gives the clinic's phone (${route})`, async () => {
      const text = await pdfText(
        await renderDischargeInstructions(viewFor(route), {
          name: 'Riverside Ketamine Clinic',
          phone: '(212) 555-0142',
        }),
      )
      expect(text).toContain('Call Riverside Ketamine Clinic at (212) 555-0142')
      expect(text).toContain('Do not drive until tomorrow, after a full night of sleep')
      expect(text).toContain('988')
      expect(text).toContain('not medical advice')
      expect(readingGrade(text)).toBeLessThanOrEqual(patientGradeLimit)
    })
  }

  it('leaves the number out when the clinic has not entered one', async () => {
    const text = await pdfText(
      await renderDischargeInstructions(viewFor('iv'), { name: 'Riverside Ketamine Clinic', phone: null }),
    )
    expect(text).toContain('Call Riverside Ketamine Clinic.')
    expect(text).toContain('our clinic’s rule after an infusion')
  })
})
