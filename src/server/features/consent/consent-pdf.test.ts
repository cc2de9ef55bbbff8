import { describe, expect, it } from 'vitest'
import { pdfText } from '../../../../test/support/pdf-text'
import { patientGradeLimit, readingGrade } from '../../../../test/support/readability'
import { renderConsentPdf } from './consent-pdf'
import { defaultConsentBody, defaultConsentTitle } from './default-consent-text'

// The consent a patient signs, with KetaCare's default text, reads at US grade 8 or below as
// printed (issue 14), the record lines (MRN, hash) included.
describe('consent PDF with the default text', () => {
  it(`reads at grade ${patientGradeLimit} or below and keeps every section`, async () => {
    const text = await pdfText(
      await renderConsentPdf({
        clinic_name: 'Riverside Ketamine Clinic',
        time_zone: 'America/New_York',
        title: defaultConsentTitle,
        body: defaultConsentBody,
        version: 1,
        given_name: 'Jordan',
        family_name: 'Avery',
        mrn: 'RK-2024-0107',
        date_of_birth: '1986-04-12',
        signer_name: 'Jordan Avery',
        signature_kind: 'typed',
        signature_data: 'Jordan Avery',
        research_use: false,
        witness_name: 'Nina Okafor, RN',
        signed_at: new Date('2026-11-02T15:04:00Z'),
        content_hash: 'a'.repeat(64),
        withdrawn_at: null,
        withdrawal_reason: null,
      }),
    )
    for (const section of [
      'What the treatment is',
      'Side effects and risks',
      'Misuse and dependence',
      'Safety rules',
      'What we do not know',
      'Other choices',
      'Your right to stop',
    ])
      expect(text).toContain(section)
    expect(text).toContain('off-label')
    expect(readingGrade(text)).toBeLessThanOrEqual(patientGradeLimit)
  })

  it('the default text alone reads at grade 7 or below', () => {
    expect(readingGrade(defaultConsentBody)).toBeLessThanOrEqual(7)
  })
})
