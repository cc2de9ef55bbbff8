import { findProtocol } from '../../../domain/dosing'
import { describeMaudsley } from '../../../domain/eligibility'
import { getInstrument } from '../../../domain/instruments'
import { missingRemsRequirements, remsRequirementLabels } from '../../../domain/rems'
import { readInClinic } from '../../clinic-scope'
import type { AppContext, Tx } from '../../context'
import type { Principal } from '../../principal'
import { loadConsents } from '../consent/service'
import { loadReview } from '../eligibility/service'
import { toPatientDto } from '../patients/service'
import type { PatientRow } from '../patients/store'
import { loadPlans } from '../plans/service'
import { loadRemsRecords } from '../rems/service'
import { deriveStage } from './stage'

const decisionLabels = { approve: 'Approved', decline: 'Declined', defer: 'Deferred' } as const

export interface ChecklistItem {
  id: string
  label: string
  isDone: boolean
  detail: string
}

function remsItem(rems: Awaited<ReturnType<typeof loadRemsRecords>>): ChecklistItem {
  const missing = missingRemsRequirements(rems)
  return {
    id: 'rems',
    label: 'Esketamine REMS: setting certified and patient enrolled',
    isDone: missing.length === 0,
    detail:
      missing.length === 0
        ? `Setting ${rems.settingCertification!.identifier}; patient enrolment ${rems.patientEnrolment!.identifier} (${rems.patientEnrolment!.effectiveOn})`
        : `Missing: ${missing.map((m) => remsRequirementLabels[m]).join(' and ')}. No esketamine session can be booked or dosed until recorded.`,
  }
}

type Review = Awaited<ReturnType<typeof loadReview>>
type Plan = Awaited<ReturnType<typeof loadPlans>>[number]
type Consents = Awaited<ReturnType<typeof loadConsents>>

const item = (id: string, label: string, isDone: boolean, detail: string): ChecklistItem => ({
  id,
  label,
  isDone,
  detail,
})

/** Who takes the patient home, their weight, and the trial history with its TRD staging. */
function intakeItems(patient: PatientRow, review: Review): ChecklistItem[] {
  const h = review.history
  const trd = h.trd
  return [
    item(
      'escort',
      'Escort / emergency contact',
      Boolean(patient.escort_name || patient.emergency_contact_name),
      patient.escort_name
        ? `Escort: ${patient.escort_name}`
        : patient.emergency_contact_name
          ? `Emergency contact: ${patient.emergency_contact_name}; no escort named yet (confirmed at each visit)`
          : 'Record who will take the patient home',
    ),
    item(
      'weight',
      'Weight and height',
      review.body.weightKg !== null,
      review.body.weightKg !== null
        ? `${review.body.weightKg} kg${review.body.bmi ? `, BMI ${review.body.bmi}` : ''}`
        : 'Weigh the patient',
    ),
    item(
      'history',
      'Antidepressant history and TRD staging',
      trd !== null && h.trials.some((t) => !t.enteredInError),
      trd
        ? `${trd.isTrd ? 'Meets' : 'Does not meet'} the TRD definition; Thase–Rush stage ${trd.thaseRush.label}; Maudsley stage ${describeMaudsley(trd.maudsley)}`
        : `Missing: ${[...(h.trials.length ? [] : ['trials']), ...h.trdMissing].join(', ')}`,
    ),
  ]
}

/** The contraindication screen, baseline scores, vitals and open safety alerts. */
function assessmentItems(review: Review): ChecklistItem[] {
  const h = review.history
  const contraindications = h.contraindications
  const scores = review.latestScores
  return [
    item(
      'contraindications',
      'Contraindication screen',
      contraindications !== null,
      contraindications
        ? `${
            contraindications.hasAbsolute
              ? 'Absolute contraindication present'
              : contraindications.hasRelative
                ? 'Relative contraindications to weigh'
                : 'None found'
          }${contraindications.cautions.length ? `; ${contraindications.cautions.length} pre-dose caution(s) for the prescriber to acknowledge` : ''}`
        : `${h.unansweredContraindications.length} question(s) unanswered`,
    ),
    item(
      'scores',
      'Baseline scores (PHQ-9 or MADRS, C-SSRS)',
      Boolean((scores.phq9 || scores.madrs) && scores['cssrs-screen']),
      ['phq9', 'madrs', 'gad7', 'cssrs-screen']
        .filter((i) => scores[i])
        .map((i) => `${getInstrument(i).name} ${scores[i]!.total}`)
        .join(', ') || 'None recorded',
    ),
    item(
      'vitals',
      'Baseline vital signs',
      review.latestVitals !== null,
      review.latestVitals
        ? `BP ${review.latestVitals.systolicMmHg}/${review.latestVitals.diastolicMmHg}, HR ${review.latestVitals.heartRateBpm}`
        : 'None recorded',
    ),
    item(
      'alerts',
      'Safety alerts acknowledged',
      review.openAlerts.length === 0,
      review.openAlerts.length ? `${review.openAlerts.length} open` : 'None open',
    ),
  ]
}

/** The signed steps: eligibility decision, consent, approved plan, and REMS for esketamine. */
function signedItems(
  review: Review,
  consents: Consents,
  plans: Plan[],
  rems: Awaited<ReturnType<typeof loadRemsRecords>>,
): ChecklistItem[] {
  const decision = review.decisions[0] ?? null
  const consent = consents.find((c) => c.isCurrent) ?? null
  const plan = plans.find((p) => p.status === 'approved') ?? null
  const draft = plans.find((p) => p.status === 'draft') ?? null
  return [
    item(
      'eligibility',
      'Eligibility approved by a prescriber',
      decision?.decision === 'approve',
      decision ? `${decisionLabels[decision.decision]} by ${decision.signerName}` : 'No decision yet',
    ),
    item(
      'consent',
      'Current signed consent',
      consent !== null,
      consent
        ? `Version ${consent.textVersion}, signed ${consent.signedAt.toISOString().slice(0, 10)}`
        : consents.length
          ? 'Signed consent is withdrawn or on an old version'
          : 'Not signed',
    ),
    item(
      'plan',
      'Approved treatment plan',
      plan !== null,
      plan
        ? `${plan.protocolName}, approved by ${plan.approverName}`
        : draft
          ? 'Draft awaiting approval'
          : 'No plan',
    ),
    // REMS hard stop (clinical-reference §3): shown for patients on, or planned for, esketamine.
    ...((plan ?? draft) && findProtocol((plan ?? draft)!.protocolId).drug === 'esketamine'
      ? [remsItem(rems)]
      : []),
  ]
}

/** The chart's "at a glance": where the patient stands and what is missing before a first session. */
export async function loadChart(tx: Tx, clinicId: string, patientId: string) {
  const review = await loadReview(tx, clinicId, patientId)
  const [patient, consents, plans, rems] = await Promise.all([
    tx
      .selectFrom('patient')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow(),
    loadConsents(tx, clinicId, patientId),
    loadPlans(tx, clinicId, patientId),
    loadRemsRecords(tx, clinicId, patientId),
  ])
  const decision = review.decisions[0] ?? null
  const consent = consents.find((c) => c.isCurrent) ?? null
  const plan = plans.find((p) => p.status === 'approved') ?? null
  const checklist = [
    ...intakeItems(patient, review),
    ...assessmentItems(review),
    ...signedItems(review, consents, plans, rems),
  ]
  const stage = deriveStage({
    latestDecision: decision?.decision ?? null,
    hasApprovedPlan: plan !== null,
    hasCurrentConsent: consent !== null,
    isAssessmentComplete: checklist
      .filter((c) => ['history', 'contraindications', 'scores'].includes(c.id))
      .every((c) => c.isDone),
  })
  return {
    patient: toPatientDto(patient),
    stage,
    checklist,
    openAlerts: review.openAlerts,
    decision,
    consent,
    plan,
    body: review.body,
  }
}

export function getChart(ctx: AppContext, principal: Principal, clinicId: string, patientId: string) {
  return readInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:read', action: 'chart.read', entity: 'patient', entityId: patientId },
    (scope) => loadChart(scope.tx, clinicId, patientId),
  )
}
