// Esketamine REMS hard stop (clinical-reference §3 ✅, FDA REMS page updated 2024-12-31): the
// healthcare setting is certified and the patient enrolled before any esketamine session is booked
// or dosed. It is a REMS requirement, not a clinical judgement, so there is no override.

export type RemsRequirement = 'setting-certification' | 'patient-enrolment'

/** What the software needs to know; null when the record is missing. */
export interface RemsRecords {
  settingCertification: { identifier: string; effectiveOn: string } | null
  patientEnrolment: { identifier: string; effectiveOn: string } | null
}

export const remsRequirementLabels: Record<RemsRequirement, string> = {
  'setting-certification': "the clinic's REMS setting certification",
  'patient-enrolment': "the patient's REMS enrolment",
}

/** The REMS records still missing, in the order they are usually done (clinic first). */
export function missingRemsRequirements(records: RemsRecords): RemsRequirement[] {
  return [
    ...(records.settingCertification ? [] : (['setting-certification'] as const)),
    ...(records.patientEnrolment ? [] : (['patient-enrolment'] as const)),
  ]
}

/** A sentence naming what is missing for `action` ("booked", "dosed"), or null when nothing is. */
export function remsRefusalMessage(missing: readonly RemsRequirement[], action: string): string | null {
  if (missing.length === 0) return null
  const names = missing.map((m) => remsRequirementLabels[m]).join(' and ')
  return `An esketamine session cannot be ${action} without ${names} (REMS requirement). Record ${missing.length > 1 ? 'them' : 'it'} first; there is no override.`
}
