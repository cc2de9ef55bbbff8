import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dateShiftDays,
  deidentifyPatient,
  type ExportSecret,
  exportAge,
  researchId,
  shiftInstant,
  stringValues,
} from './deidentify'

const secret: ExportSecret = { salt: 'test-salt', maxShiftDays: 180 }

describe('de-identification', () => {
  it('groups ages over 89 and counts whole years', () => {
    expect(exportAge('1936-06-01', new Date('2026-05-31T12:00:00Z'))).toBe(89)
    expect(exportAge('1936-06-01', new Date('2026-06-01T12:00:00Z'))).toBe('90+')
    expect(exportAge('1990-02-28', new Date('2026-02-27T00:00:00Z'))).toBe(35)
  })

  it('shifts all of a patient’s dates by one secret amount, keeping intervals', () => {
    const shift = dateShiftDays('p1', secret)
    expect(shift).not.toBe(0)
    expect(Math.abs(shift)).toBeLessThanOrEqual(180)
    const a = new Date('2026-01-01T10:00:00Z')
    const b = new Date('2026-01-04T10:00:00Z')
    expect(Date.parse(shiftInstant(b, shift)) - Date.parse(shiftInstant(a, shift))).toBe(3 * 86_400_000)
    expect(dateShiftDays('p1', { ...secret, salt: 'other' })).not.toBe(undefined)
  })

  it('gives stable pseudonyms within an export and unlinkable ones across exports', () => {
    expect(researchId('p1', secret)).toBe(researchId('p1', secret))
    expect(researchId('p1', secret)).not.toBe(researchId('p1', { ...secret, salt: 'another export' }))
  })

  it('never carries a direct identifier of the patient (property over generated patients)', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z'-]{2,15}$/)
    fc.assert(
      fc.property(
        fc.record({
          id: fc.uuid(),
          givenName: word,
          familyName: word,
          mrn: fc.stringMatching(/^[A-Z]{2}-\d{4,8}$/),
          email: fc.emailAddress(),
          phone: fc.stringMatching(/^\d{3}-\d{4}$/),
          dateOfBirth: fc
            .date({ min: new Date('1920-01-01'), max: new Date('2005-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
          firstSeenAt: fc.date({
            min: new Date('2024-01-01'),
            max: new Date('2026-12-31'),
            noInvalidDate: true,
          }),
        }),
        (p) => {
          const out = deidentifyPatient(p, secret)
          const text = stringValues(out).join(' ').toLowerCase()
          for (const identifier of [
            p.id,
            p.givenName,
            p.familyName,
            p.mrn,
            p.email,
            p.phone,
            p.dateOfBirth,
          ]) {
            expect(text.includes(identifier.toLowerCase())).toBe(false)
          }
        },
      ),
    )
  })
})
