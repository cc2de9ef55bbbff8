import type { PatientSex } from '../../db'
import { CONTRAINDICATION_QUESTIONS, type DrugClass, type EpisodeSeverity } from '../../domain/eligibility'
import { type Answers, getInstrument } from '../../domain/instruments'
import type { AppContext } from '../context'
import { acknowledgeAlert, recordResponse, recordVitals } from '../features/assessments/service'
import { getCurrentText, signConsent } from '../features/consent/service'
import { signDecision } from '../features/eligibility/service'
import { addTrial, saveScreening } from '../features/history/service'
import { addMeasurement, createPatient } from '../features/patients/service'
import { approvePlan, createPlan } from '../features/plans/service'
import { recordPatientEnrolment } from '../features/rems/service'
import type { Principal } from '../principal'
import { demoAddress } from './demo-addresses'

// Demo patients at every stage of intake, entered through the real services (so each record is
// validated, audited and signed exactly as a user's would be). Names and details are invented.

type Stage = 'intake' | 'alert' | 'awaiting-decision' | 'declined' | 'deferred' | 'eligible' | 'ready'

interface DemoPatient {
  mrn: string
  givenName: string
  familyName: string
  dateOfBirth: string
  sex: PatientSex
  stage: Stage
  weightKg: number
  heightCm: number
  protocolId?: string
  /** Contraindication answered yes. */
  contraindication?: string
  severity?: EpisodeSeverity
  /** Esketamine REMS patient enrolment identifier (§3); esketamine patients without one cannot be booked. */
  remsEnrolment?: string
}

const riverside: DemoPatient[] = [
  {
    mrn: 'RK-2024-0107',
    givenName: 'Jordan',
    familyName: 'Avery',
    dateOfBirth: '1984-03-12',
    sex: 'female',
    stage: 'ready',
    weightKg: 68.4,
    heightCm: 165,
    protocolId: 'iv-racemic-standard',
  },
  {
    mrn: 'RK-2024-0112',
    givenName: 'Grace',
    familyName: 'Kim',
    dateOfBirth: '1971-09-30',
    sex: 'female',
    stage: 'ready',
    weightKg: 59.0,
    heightCm: 160,
    protocolId: 'esketamine-trd',
    remsEnrolment: 'SPR-PT-4417021',
  },
  {
    mrn: 'RK-2024-0118',
    givenName: 'Marcus',
    familyName: 'Holloway',
    dateOfBirth: '1979-06-02',
    sex: 'male',
    stage: 'ready',
    weightKg: 91.2,
    heightCm: 183,
    protocolId: 'iv-racemic-standard',
  },
  {
    mrn: 'RK-2024-0121',
    givenName: 'Maya',
    familyName: 'Chen',
    dateOfBirth: '1990-11-21',
    sex: 'female',
    stage: 'eligible',
    weightKg: 55.8,
    heightCm: 158,
    protocolId: 'iv-racemic-standard',
  },
  {
    mrn: 'RK-2024-0125',
    givenName: 'Luis',
    familyName: 'Ortega',
    dateOfBirth: '1968-01-15',
    sex: 'male',
    stage: 'awaiting-decision',
    weightKg: 84.0,
    heightCm: 175,
  },
  {
    mrn: 'RK-2024-0129',
    givenName: 'Aisha',
    familyName: 'Bello',
    dateOfBirth: '1995-04-08',
    sex: 'female',
    stage: 'alert',
    weightKg: 63.5,
    heightCm: 170,
  },
  {
    mrn: 'RK-2024-0130',
    givenName: 'Tom',
    familyName: 'Becker',
    dateOfBirth: '1958-08-19',
    sex: 'male',
    stage: 'declined',
    weightKg: 88.9,
    heightCm: 178,
    contraindication: 'aneurysmal-vascular-disease',
  },
  {
    mrn: 'RK-2024-0133',
    givenName: 'Ben',
    familyName: 'Walsh',
    dateOfBirth: '1975-12-03',
    sex: 'male',
    stage: 'deferred',
    weightKg: 102.3,
    heightCm: 180,
    contraindication: 'uncontrolled-hypertension',
  },
  {
    mrn: 'RK-2024-0136',
    givenName: 'Priya',
    familyName: 'Natarajan',
    dateOfBirth: '1988-02-27',
    sex: 'female',
    stage: 'intake',
    weightKg: 61.2,
    heightCm: 163,
  },
  {
    // Esketamine plan approved but no REMS enrolment yet: booking her shows the REMS hard stop.
    mrn: 'RK-2024-0139',
    givenName: 'Elena',
    familyName: 'Marsh',
    dateOfBirth: '1986-05-17',
    sex: 'female',
    stage: 'ready',
    weightKg: 66.0,
    heightCm: 168,
    protocolId: 'esketamine-trd',
  },
  // Esketamine, in monitoring today past the 2 hours but still dissociated (§3 discharge demo).
  {
    mrn: 'RK-2024-0140',
    givenName: 'Luis',
    familyName: 'Reyes',
    dateOfBirth: '1969-05-08',
    sex: 'male',
    stage: 'ready',
    weightKg: 81.0,
    heightCm: 176,
    remsEnrolment: 'SPR-PT-4417388',
    protocolId: 'esketamine-trd',
  },
]

const hillcrest: DemoPatient[] = [
  {
    mrn: 'HC-0041',
    givenName: 'Daniel',
    familyName: 'Okoye',
    dateOfBirth: '1982-07-14',
    sex: 'male',
    stage: 'ready',
    weightKg: 79.5,
    heightCm: 177,
    protocolId: 'iv-racemic-standard',
  },
  {
    mrn: 'HC-0044',
    givenName: 'Rosa',
    familyName: 'Lindqvist',
    dateOfBirth: '1966-10-05',
    sex: 'female',
    stage: 'awaiting-decision',
    weightKg: 70.1,
    heightCm: 168,
  },
  {
    mrn: 'HC-0047',
    givenName: 'Kevin',
    familyName: 'Tran',
    dateOfBirth: '1999-03-22',
    sex: 'male',
    stage: 'intake',
    weightKg: 74.0,
    heightCm: 172,
  },
]

const trialsByClass: { drug: string; drugClass: DrugClass }[] = [
  { drug: 'Sertraline', drugClass: 'ssri' },
  { drug: 'Escitalopram', drugClass: 'ssri' },
  { drug: 'Venlafaxine', drugClass: 'snri' },
  { drug: 'Bupropion', drugClass: 'atypical' },
  { drug: 'Nortriptyline', drugClass: 'tca' },
]

/** Answers in item order, so a demo score reads as a list of ratings. */
function answers(instrumentId: string, values: (number | boolean | null)[]): Answers {
  return Object.fromEntries(getInstrument(instrumentId).items.map((item, i) => [item.id, values[i] ?? null]))
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000)

export interface DemoStaff {
  nurse: Principal
  prescriber: Principal
  frontDesk: Principal
  prescriberPassword: string
}

/** One demo patient as the steps of their record see it: who enters it, where, and when intake was. */
interface DemoPatientSeed {
  ctx: AppContext
  clinicId: string
  staff: DemoStaff
  p: DemoPatient
  /** The patient's place in the clinic's list, which varies the made-up details. */
  index: number
  intakeAt: Date
}

export async function seedDemoPatients(
  ctx: AppContext,
  clinicId: string,
  staff: DemoStaff,
  which: 'riverside' | 'hillcrest',
): Promise<number> {
  const list = which === 'riverside' ? riverside : hillcrest
  const now = ctx.now()
  for (const [index, p] of list.entries()) {
    const seed: DemoPatientSeed = { ctx, clinicId, staff, p, index, intakeAt: daysAgo(now, 21 - index) }
    const id = await registerPatient(seed)
    if (p.stage === 'intake') continue
    await recordIntake(seed, id)
    if (p.stage === 'alert' || p.stage === 'awaiting-decision') continue
    await decideAndPlan(seed, id)
  }
  return list.length
}

/** The patient's record, body measurement and antidepressant history, as the front desk and nurse enter them. */
async function registerPatient(seed: DemoPatientSeed): Promise<string> {
  const { ctx, clinicId, staff, p, index, intakeAt } = seed
  const patient = await createPatient(ctx, staff.frontDesk, clinicId, {
    mrn: p.mrn,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: `555-01${String(20 + index).padStart(2, '0')}`,
    email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}@example.org`,
    ...demoAddress(p.mrn),
    escortName: index % 3 === 2 ? null : `${['Sam', 'Alex', 'Chris'][index % 3]} ${p.familyName}`,
    escortPhone: index % 3 === 2 ? null : `555-02${String(20 + index).padStart(2, '0')}`,
    emergencyContactName: `${['Sam', 'Alex', 'Chris'][index % 3]} ${p.familyName}`,
    emergencyContactPhone: `555-02${String(20 + index).padStart(2, '0')}`,
    emergencyContactRelation: ['spouse', 'sibling', 'parent'][index % 3]!,
  })
  const id = patient.id
  await addMeasurement(ctx, staff.nurse, clinicId, id, {
    weightKg: p.weightKg,
    heightCm: p.heightCm,
    measuredAt: intakeAt,
  })
  const trialCount = p.stage === 'intake' ? 1 : 2 + (index % 3)
  for (const t of trialsByClass.slice(0, trialCount)) {
    await addTrial(ctx, staff.nurse, clinicId, id, {
      ...t,
      doseAdequate: true,
      weeks: 6 + (index % 4) * 2,
      adherence: 'good',
      outcome: 'non-response',
      augmentation: index % 4 === 1,
      isCurrentEpisode: true,
    })
  }
  return id
}

/** Screening, intake vitals and baseline scores; an `alert` patient also gets a later PHQ-9 with item 9. */
async function recordIntake(seed: DemoPatientSeed, id: string) {
  const { ctx, clinicId, staff, p, index, intakeAt } = seed
  const contraindicationAnswers = Object.fromEntries(
    CONTRAINDICATION_QUESTIONS.map((q) => [q.id, q.id === p.contraindication]),
  )
  await saveScreening(ctx, staff.nurse, clinicId, id, {
    contraindicationAnswers,
    episodeDurationMonths: 9 + index * 3,
    severity: p.severity ?? (index % 2 ? 'severe' : 'moderate'),
    ect: { used: false, bilateral: false, failed: false },
  })
  await recordVitals(ctx, staff.nurse, clinicId, id, {
    context: 'intake',
    measuredAt: intakeAt,
    systolicMmHg: p.contraindication === 'uncontrolled-hypertension' ? 168 : 118 + index * 2,
    diastolicMmHg: p.contraindication === 'uncontrolled-hypertension' ? 104 : 76 + index,
    heartRateBpm: 68 + index,
    spo2Percent: 98,
    respiratoryRate: 14,
  })
  const base = 2 + (index % 2)
  await recordResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'phq9',
    context: 'intake',
    administeredAt: intakeAt,
    answers: answers('phq9', [base, 3, 2, base, 2, 2, 2, 1, 0]),
  })
  await recordResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'gad7',
    context: 'intake',
    administeredAt: intakeAt,
    answers: answers('gad7', [2, 2, 1, 2, 1, 1, base]),
  })
  const madrs = await recordResponse(ctx, staff.prescriber, clinicId, id, {
    instrumentId: 'madrs',
    context: 'intake',
    administeredAt: intakeAt,
    answers: answers('madrs', [4, 4, 3, 4, 3, 4, 3, 4, 4, 1 + (index % 2)]),
  })
  // MADRS item 10 at 1–2 opens a warning alert (§4); the interviewing prescriber acknowledges it.
  for (const alert of madrs.alerts)
    await acknowledgeAlert(
      ctx,
      staff.prescriber,
      clinicId,
      id,
      alert.id,
      'Passive thoughts of death at the intake interview, no intent or plan. Safety plan written with the patient; crisis numbers given.',
    )
  await recordResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'cssrs-screen',
    context: 'intake',
    administeredAt: intakeAt,
    answers: answers('cssrs-screen', [index % 2 === 1, false, null, null, null, false, null]),
  })
  if (p.stage === 'alert') {
    // A later PHQ-9 endorsing item 9: the open alert a clinician sees on the chart.
    await recordResponse(ctx, staff.nurse, clinicId, id, {
      instrumentId: 'phq9',
      context: 'intake',
      answers: answers('phq9', [3, 3, 2, 3, 2, 2, 2, 1, 1]),
    })
  }
}

const refusals = {
  declined: {
    decision: 'decline',
    reason:
      'Known abdominal aortic aneurysm (label contraindication). Referred back to the psychiatrist for ECT assessment.',
  },
  deferred: {
    decision: 'defer',
    reason:
      'Blood pressure 168/104 at intake. Defer until reviewed by the primary care physician and controlled.',
  },
} as const

/** The signed eligibility decision; for an approved patient also consent, plan and REMS enrolment. */
async function decideAndPlan(seed: DemoPatientSeed, id: string) {
  const { ctx, clinicId, staff, p, index, intakeAt } = seed
  const sign = { password: staff.prescriberPassword }
  if (p.stage === 'declined' || p.stage === 'deferred') {
    await signDecision(ctx, staff.prescriber, clinicId, id, { ...refusals[p.stage], ...sign })
    return
  }
  await signDecision(ctx, staff.prescriber, clinicId, id, {
    decision: 'approve',
    reason:
      'Meets the TRD definition with failed adequate trials of two classes; no contraindications; consented to a standard course.',
    ...sign,
  })
  const text = await getCurrentText(ctx, staff.nurse, clinicId)
  const signerName = `${p.givenName} ${p.familyName}`
  await signConsent(ctx, staff.nurse, clinicId, id, {
    consentTextId: text.id,
    signerName,
    signatureKind: 'typed',
    signatureData: signerName,
    researchUse: index % 2 === 0,
  })
  const [plan] = await createPlan(ctx, staff.prescriber, clinicId, id, {
    protocolId: p.protocolId ?? 'iv-racemic-standard',
    doseBasis: 'actual',
    note: 'Standard course; review response after infusion 3.',
  })
  if (p.stage === 'ready')
    await approvePlan(ctx, staff.prescriber, clinicId, id, plan!.id, { version: plan!.version, ...sign })
  if (p.remsEnrolment)
    await recordPatientEnrolment(ctx, staff.nurse, clinicId, id, {
      identifier: p.remsEnrolment,
      effectiveOn: intakeAt.toISOString().slice(0, 10),
    })
}
