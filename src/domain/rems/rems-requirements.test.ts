import { describe, expect, it } from 'vitest'
import { missingRemsRequirements, remsRefusalMessage } from './rems-requirements'

const certified = { identifier: 'HCS-1', effectiveOn: '2026-01-05' }
const enrolled = { identifier: 'PT-9', effectiveOn: '2026-02-01' }

describe('esketamine REMS hard stop (clinical-reference §3)', () => {
  it('needs nothing more when the setting is certified and the patient enrolled', () => {
    expect(missingRemsRequirements({ settingCertification: certified, patientEnrolment: enrolled })).toEqual(
      [],
    )
    expect(remsRefusalMessage([], 'booked')).toBeNull()
  })

  it('names the missing enrolment', () => {
    const missing = missingRemsRequirements({ settingCertification: certified, patientEnrolment: null })
    expect(missing).toEqual(['patient-enrolment'])
    expect(remsRefusalMessage(missing, 'booked')).toMatch(/without the patient's REMS enrolment/)
  })

  it('names the missing certification, and both when both are missing', () => {
    expect(
      remsRefusalMessage(
        missingRemsRequirements({ settingCertification: null, patientEnrolment: enrolled }),
        'dosed',
      ),
    ).toMatch(/cannot be dosed without the clinic's REMS setting certification \(/)
    const both = missingRemsRequirements({ settingCertification: null, patientEnrolment: null })
    expect(both).toEqual(['setting-certification', 'patient-enrolment'])
    expect(remsRefusalMessage(both, 'booked')).toMatch(
      /the clinic's REMS setting certification and the patient's REMS enrolment/,
    )
  })
})
