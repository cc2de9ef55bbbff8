import { type NamedPatient, patientItem, type WorklistItem } from './items'

/**
 * The routine steps a patient's record waits on: fixed words, an id of the record waiting, and the
 * tab of the patient's page where the step is done.
 */
const routineSteps = {
  'eligibility-decision': {
    idPrefix: 'eligibility',
    title: 'Eligibility decision to sign',
    detail: 'Intake is complete: history, screening and baseline scores are recorded.',
    tab: 'eligibility',
  },
  'plan-approval': {
    idPrefix: 'plan',
    title: 'Treatment plan to approve',
    detail: 'A draft plan waits for your signed approval.',
    tab: 'plan',
  },
  'first-booking': {
    idPrefix: 'book',
    title: 'Book the first treatment session',
    detail: 'Ready for treatment, nothing booked yet.',
    tab: 'sessions',
  },
} as const

/** A routine step of one patient's record (`recordId` is the patient's or the waiting record's id). */
export function routineStepItem(
  kind: keyof typeof routineSteps,
  record: { recordId: string; patientId: string; at: Date },
  patient: NamedPatient,
): WorklistItem {
  const step = routineSteps[kind]
  return patientItem(record.patientId, patient, {
    id: `${step.idPrefix}:${record.recordId}`,
    kind,
    title: step.title,
    detail: step.detail,
    at: record.at,
    urgency: 'routine',
    link: `patients/${record.patientId}?tab=${step.tab}`,
  })
}
