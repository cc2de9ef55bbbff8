import type { PreCheckStatus } from './states'
import { evaluatePreDoseVitals } from './vitals-rules'
import type { VitalsReading } from './vitals-rules-alerts'
import type { VitalsSettings } from './vitals-settings'

// Pre-checks before a dose (issue 5 item 3; clinical-reference §2/§3): the nurse's form plus what
// the record already knows. Every item passes, or the pre-checks are pending (something not asked
// yet) or failed (a prescriber may override with a reason and a signature).

export interface PreCheckItem {
  id: string
  label: string
  status: 'pass' | 'fail' | 'pending'
  detail: string
}

/** The nurse's pre-check form as recorded (the latest one counts). */
export interface PreCheckForm {
  identityConfirmed: boolean
  fastingConfirmed: boolean
  escortConfirmed: boolean
  escortName: string | null
  pregnancyStatus: string
  urinarySymptoms: boolean
  notes: string | null
}

export interface PreCheckFacts {
  form: PreCheckForm | undefined
  isOverridden: boolean
  isConsentCurrent: boolean
  plan: { status: string; protocolName: string }
  /** The latest pre-dose reading of this session. */
  latestPreVitals: VitalsReading | undefined
  /** This visit's C-SSRS screen: its band. */
  cssrs: { band: string | null; bandLabel: string | null } | undefined
  /** The patient's latest PHQ-9 anywhere, and whether one was given in this session. */
  lastPhq9AtMs: number | null
  hasPhq9ThisSession: boolean
  patient: { sex: string; ageYears: number }
  /** The §3 pre-dose cautions line (from the intake screen and the prescriber's acknowledgement). */
  cautions: PreCheckItem
  nowMs: number
}

const dayMs = 86_400_000
/** The PHQ-9 is asked weekly (clinical-reference §5). */
const phq9EveryDays = 7
/** Pregnancy status is asked of female patients of child-bearing age (§2). */
const pregnancyAgeYears = { min: 12, max: 55 }

const item = (id: string, label: string, status: PreCheckItem['status'], detail: string): PreCheckItem => ({
  id,
  label,
  status,
  detail,
})

/** A yes/no question of the nurse's form: pending until the form is recorded. */
function formItem(
  form: PreCheckForm | undefined,
  id: string,
  label: string,
  answer: (form: PreCheckForm) => boolean,
  detail: (form: PreCheckForm, isYes: boolean) => string,
): PreCheckItem {
  if (form === undefined) return item(id, label, 'pending', 'Not asked yet')
  const isYes = answer(form)
  return item(id, label, isYes ? 'pass' : 'fail', detail(form, isYes))
}

/** Pregnancy status, asked of female patients of child-bearing age. */
function pregnancyItem(form: PreCheckForm | undefined): PreCheckItem {
  const label = 'Pregnancy status'
  if (form === undefined) return item('pregnancy', label, 'pending', 'Not asked yet')
  const isClear = form.pregnancyStatus === 'negative' || form.pregnancyStatus === 'not-applicable'
  return item('pregnancy', label, isClear ? 'pass' : 'fail', `Recorded: ${form.pregnancyStatus}`)
}

/** The pre-dose vitals line: the latest reading against the clinic's pre-dose limits (§2 ⚠️). */
function vitalsItem(latest: VitalsReading | undefined, settings: VitalsSettings): PreCheckItem {
  if (!latest)
    return item('vitals', 'Pre-dose vital signs within limits', 'pending', 'Record pre-dose vitals')
  const findings = evaluatePreDoseVitals(latest, settings)
  return item(
    'vitals',
    'Pre-dose vital signs within limits',
    findings.length === 0 ? 'pass' : 'fail',
    findings.length === 0
      ? `BP ${latest.systolicMmHg ?? null}/${latest.diastolicMmHg ?? null}, HR ${latest.heartRateBpm ?? null}`
      : findings.map((a) => `${a.message} ${a.recommendedAction}`).join(' '),
  )
}

export function evaluatePreChecks(
  facts: PreCheckFacts,
  settings: VitalsSettings,
): { status: PreCheckStatus; items: PreCheckItem[] } {
  const { form, plan, cssrs, patient } = facts
  const isPhq9Due = facts.lastPhq9AtMs === null || facts.nowMs - facts.lastPhq9AtMs > phq9EveryDays * dayMs
  const needsPregnancyCheck =
    patient.sex === 'female' &&
    patient.ageYears >= pregnancyAgeYears.min &&
    patient.ageYears <= pregnancyAgeYears.max
  const items: PreCheckItem[] = [
    formItem(
      form,
      'identity',
      'Identity confirmed (two identifiers)',
      (f) => f.identityConfirmed,
      (_f, isYes) => (isYes ? 'Confirmed' : 'Not confirmed'),
    ),
    item(
      'consent',
      'Consent current',
      facts.isConsentCurrent ? 'pass' : 'fail',
      facts.isConsentCurrent ? 'Signed on the current version' : 'No current signed consent',
    ),
    item(
      'plan',
      'Treatment plan approved',
      plan.status === 'approved' ? 'pass' : 'fail',
      plan.status === 'approved' ? plan.protocolName : `Plan is ${plan.status}`,
    ),
    formItem(
      form,
      'fasting',
      'Fasting as instructed',
      (f) => f.fastingConfirmed,
      (_f, isYes) => (isYes ? 'Confirmed' : 'Not fasting'),
    ),
    formItem(
      form,
      'escort',
      'Escort home confirmed',
      (f) => f.escortConfirmed,
      (f, isYes) => (isYes ? `Escort: ${f.escortName ?? 'named on arrival'}` : 'No escort'),
    ),
    vitalsItem(facts.latestPreVitals, settings),
    item(
      'cssrs',
      'C-SSRS screen this visit',
      !cssrs ? 'pending' : cssrs.band === 'high' ? 'fail' : 'pass',
      !cssrs ? 'Screen before dosing' : `${cssrs.bandLabel ?? cssrs.band}`,
    ),
    item(
      'phq9',
      'PHQ-9 (due weekly)',
      isPhq9Due ? (facts.hasPhq9ThisSession ? 'pass' : 'pending') : 'pass',
      isPhq9Due ? 'Due this visit' : 'Done within the last 7 days',
    ),
    formItem(
      form,
      'urinary',
      'Urinary symptoms asked',
      (f) => !f.urinarySymptoms,
      (_f, isNone) => (isNone ? 'None' : 'Reports urinary symptoms: prescriber review'),
    ),
    ...(needsPregnancyCheck ? [pregnancyItem(form)] : []),
    facts.cautions,
  ]
  const status: PreCheckStatus = facts.isOverridden
    ? 'overridden'
    : items.every((i) => i.status === 'pass')
      ? 'passed'
      : items.some((i) => i.status === 'fail')
        ? 'failed'
        : 'pending'
  return { status, items }
}
