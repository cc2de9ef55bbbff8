import type { SettingPath } from './clinic-rule-settings'

/** clinical-reference.md marks: ✅ primary/authoritative source, 🔶 secondary, ⚠️ not verified. */
export type VerificationMark = '✅' | '🔶' | '⚠️'

export const ruleCategories = [
  'instruments',
  'vitals',
  'dosing',
  'discharge',
  'spacing',
  'rems',
  'staging',
  'outcomes',
  'ledger',
] as const
export type RuleCategory = (typeof ruleCategories)[number]

export interface RuleDefinition {
  /** Stable id, `<category>.<name>`; never reused for a different rule. */
  id: string
  category: RuleCategory
  title: string
  /** clinical-reference.md section, e.g. `§2`. */
  section: string
  /** The publication the reference cites for it; null where the reference names none. */
  publication: string | null
  mark: VerificationMark
  /** The clinic settings this rule reads; absent for a fixed rule. */
  settings?: readonly SettingPath[]
  /** A fixed rule's value as the code applies it (not a setting). */
  fixed?: { value: string; unit: string }
}

const bp = (group: string) =>
  [`vitals.${group}.systolicMmHg`, `vitals.${group}.diastolicMmHg`] as unknown as SettingPath[]

// One line per rule a clinician reviews. `publication` is what the reference itself ties to the
// rule; the §2 BP thresholds have none (the reference marks them ⚠️ without a source). Setting rules get their values from the settings
// (catalogue.ts), so only the words and the source live here.
export const ruleDefinitions: readonly RuleDefinition[] = [
  // Instruments (§4).
  {
    id: 'instruments.phq9-item9',
    category: 'instruments',
    title:
      'PHQ-9 item 9 at or above this raises an urgent suicide-risk alert needing same-day clinician follow-up',
    section: '§4',
    publication: null,
    mark: '✅',
    settings: ['suicidalIdeation.phq9Item9.urgentAtOrAbove'],
  },
  {
    id: 'instruments.qids-item12',
    category: 'instruments',
    title:
      'QIDS-SR16 item 12 (thoughts of death or suicide): warning and urgent suicide-risk alerts at or above',
    section: '§4',
    publication: 'Rucci et al. 2011',
    mark: '🔶',
    settings: ['suicidalIdeation.qidsItem12.warningAtOrAbove', 'suicidalIdeation.qidsItem12.urgentAtOrAbove'],
  },
  {
    id: 'instruments.madrs-item10',
    category: 'instruments',
    title: 'MADRS item 10 (suicidal thoughts): warning and urgent suicide-risk alerts at or above',
    section: '§4',
    publication: null,
    mark: '🔶',
    settings: [
      'suicidalIdeation.madrsItem10.warningAtOrAbove',
      'suicidalIdeation.madrsItem10.urgentAtOrAbove',
    ],
  },
  {
    id: 'instruments.hamd-item3',
    category: 'instruments',
    title: 'HAM-D17 item 3 (suicide): warning and urgent suicide-risk alerts at or above',
    section: '§4',
    publication: 'Rucci et al. 2011',
    mark: '🔶',
    settings: ['suicidalIdeation.hamdItem3.warningAtOrAbove', 'suicidalIdeation.hamdItem3.urgentAtOrAbove'],
  },
  {
    id: 'instruments.cssrs-risk',
    category: 'instruments',
    title: 'C-SSRS screener risk: 4, 5 or 6 within 3 months high; 3 or 6 lifetime moderate; 1 or 2 only low',
    section: '§4',
    publication: null,
    mark: '⚠️',
    fixed: { value: 'high: 4, 5, 6 (3 months); moderate: 3, 6; low: 1, 2', unit: 'questions answered yes' },
  },
  {
    id: 'instruments.severity-bands',
    category: 'instruments',
    title: 'Severity bands of PHQ-9, GAD-7, MADRS, QIDS-SR16 and HAM-D17 as published',
    section: '§4',
    publication: null,
    mark: '✅',
    fixed: { value: 'per instrument', unit: 'total score' },
  },
  // Vitals (§2 ⚠️ thresholds; §3 ✅ esketamine recheck).
  {
    id: 'vitals.pre-dose-defer',
    category: 'vitals',
    title: 'Pre-dose BP above this defers the start pending prescriber review',
    section: '§2',
    publication: 'mirrors the esketamine label (§3, BP > 140/90 weigh risk)',
    mark: '⚠️',
    settings: bp('preDoseDeferAbove'),
  },
  {
    id: 'vitals.pre-dose-no-start',
    category: 'vitals',
    title: 'Pre-dose BP above this: do not start',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: bp('preDoseNoStartAbove'),
  },
  {
    id: 'vitals.bp-sustained',
    category: 'vitals',
    title: 'BP above this on two readings some minutes apart: pause suggested, alert',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: [...bp('sustainedBpAbove'), 'vitals.sustainedBpAbove.minSpanMin'],
  },
  {
    id: 'vitals.bp-single',
    category: 'vitals',
    title: 'BP above this once: pause suggested, alert',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: bp('singleBpAbove'),
  },
  {
    id: 'vitals.heart-rate-sustained',
    category: 'vitals',
    title: 'Heart rate above this, sustained: pause suggested, alert',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: ['vitals.heartRateAbove.bpm', 'vitals.heartRateAbove.minSpanMin'],
  },
  {
    id: 'vitals.spo2-below',
    category: 'vitals',
    title: 'SpO2 below this: pause suggested, check the airway, alert',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: ['vitals.spo2BelowPercent'],
  },
  {
    id: 'vitals.moaas-at-or-below',
    category: 'vitals',
    title: 'MOAA/S at or below this (responds only to prodding or less): pause suggested, alert',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: ['vitals.moaasAtOrBelow'],
  },
  {
    id: 'vitals.interval-infusion',
    category: 'vitals',
    title: 'Vital signs due during an infusion',
    section: '§2',
    publication: 'Yale BP cohort recorded every 10 min (PMID 38991311)',
    mark: '⚠️',
    settings: ['vitals.infusionIntervalMin'],
  },
  {
    id: 'vitals.interval-post-infusion',
    category: 'vitals',
    title: 'Vital signs due after the infusion ends (the reference gives no number)',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: ['vitals.postInfusionIntervalMin'],
  },
  {
    id: 'vitals.esketamine-recheck',
    category: 'vitals',
    title: 'Esketamine: recheck BP about 40 minutes after the dose',
    section: '§3',
    publication: 'Spravato label',
    mark: '✅',
    settings: ['vitals.esketamineRecheckMin'],
  },
  {
    id: 'vitals.esketamine-until-stable',
    category: 'vitals',
    title: 'Esketamine: recheck as needed until stable — the interval is not given by the label',
    section: '§3',
    publication: null,
    mark: '⚠️',
    settings: ['vitals.esketamineUnstableIntervalMin'],
  },
  {
    id: 'vitals.esketamine-pulse-oximetry',
    category: 'vitals',
    title: 'Esketamine: pulse oximetry throughout monitoring — the interval is not given by the label',
    section: '§3',
    publication: 'FDA REMS page; Spravato label §2.3 (interval unverified)',
    mark: '⚠️',
    settings: ['vitals.esketamineSpo2IntervalMin'],
  },
  // Dosing (§2, §3).
  {
    id: 'dosing.iv-standard-dose',
    category: 'dosing',
    title: 'IV racemic ketamine standard dose 0.5 mg/kg over 40 minutes',
    section: '§2',
    publication: 'APA consensus (Sanacora, JAMA Psychiatry 2017)',
    mark: '✅',
    fixed: { value: '0.5 over 40 min', unit: 'mg/kg' },
  },
  {
    id: 'dosing.titration-ceiling',
    category: 'dosing',
    title: 'IV titration ceiling; above it needs a prescriber confirmation',
    section: '§2',
    publication: 'Fava et al. 2018: 1.0 mg/kg no better than 0.5, more dissociation and BP rise',
    mark: '⚠️',
    settings: ['dose.titrationCeilingMgPerKg'],
  },
  {
    id: 'dosing.studied-range',
    category: 'dosing',
    title: 'Outside the studied IV dose range or infusion time: caution shown',
    section: '§2',
    publication: 'Andrade, J Clin Psychiatry 2017',
    mark: '✅',
    fixed: { value: '0.1–0.75 mg/kg; 2–100 min', unit: 'mg/kg, min' },
  },
  {
    id: 'dosing.weight-basis',
    category: 'dosing',
    title: 'Dosing weight never above actual weight; the ceiling is checked against actual weight',
    section: '§2',
    publication: 'usual practice for weight scalars',
    mark: '🔶',
    fixed: { value: 'dosing weight ≤ actual weight', unit: 'kg' },
  },
  {
    id: 'dosing.esketamine-devices',
    category: 'dosing',
    title: 'Esketamine: 28 mg a device, 5 minutes between devices',
    section: '§3',
    publication: 'Spravato label',
    mark: '✅',
    fixed: { value: '28 mg a device; 5 min apart', unit: 'mg, min' },
  },
  {
    id: 'dosing.esketamine-older-adult-start',
    category: 'dosing',
    title: 'Esketamine at 65 years or older: start 28 mg, then 28, 56 or 84 mg',
    section: '§3',
    publication: 'EU SmPC 4.2',
    mark: '✅',
    fixed: { value: '28', unit: 'mg first dose' },
  },
  // Discharge (§2 ⚠️ IV; §3 ✅ esketamine).
  {
    id: 'discharge.aldrete-minimum',
    category: 'discharge',
    title: 'Modified Aldrete score needed for discharge',
    section: '§2, §4',
    publication: null,
    mark: '⚠️',
    settings: ['discharge.minAldreteScore'],
  },
  {
    id: 'discharge.iv-observation',
    category: 'discharge',
    title: 'IV: minimum observation after the infusion ends',
    section: '§2',
    publication: null,
    mark: '⚠️',
    settings: ['discharge.ivMinObservationMin'],
  },
  {
    id: 'discharge.esketamine-observation',
    category: 'discharge',
    title: 'Esketamine: observe at least 2 hours from the first device (a clinic may only lengthen it)',
    section: '§3',
    publication: 'FDA REMS page; Spravato label §2.3',
    mark: '✅',
    settings: ['discharge.esketamineMinObservationMin'],
  },
  {
    id: 'discharge.esketamine-resolved',
    category: 'discharge',
    title:
      "Esketamine: sedation, dissociation and respiratory depression resolved — MOAA/S back to the pre-dose score, the nurse's dissociation check, latest SpO2 not below the vitals SpO2 threshold",
    section: '§3',
    publication: 'FDA REMS page; Spravato label §2.3',
    mark: '✅',
    fixed: { value: 'required', unit: '' },
  },
  {
    id: 'discharge.vitals-near-baseline',
    category: 'discharge',
    title: 'BP within this of the pre-dose reading before discharge',
    section: '§2, §4',
    publication: 'tolerance mirrors the Aldrete circulation band',
    mark: '⚠️',
    settings: ['discharge.systolicToleranceMmHg', 'discharge.diastolicToleranceMmHg'],
  },
  {
    id: 'discharge.escort',
    category: 'discharge',
    title: 'A responsible adult escort is present; no driving until the next day after sleep',
    section: '§2, §3',
    publication: null,
    mark: '⚠️',
    fixed: { value: 'required', unit: '' },
  },
  // Booking (§2, §3).
  {
    id: 'spacing.minimum-gap',
    category: 'spacing',
    title: "Sessions closer than the cadence's day gap less this slack need a prescriber override",
    section: '§2, §3',
    publication: 'cadences: Murrough 2013; ELEKT-D (NEJM 2023); Spravato label schedule',
    mark: '⚠️',
    settings: ['spacing.schedulingSlackHours'],
  },
  // REMS (§3).
  {
    id: 'rems.enrolment-hard-stop',
    category: 'rems',
    title:
      "No esketamine session is booked or dosed without the clinic's REMS setting certification and the patient's enrolment",
    section: '§3',
    publication: 'FDA REMS page (updated 2024-12-31)',
    mark: '✅',
    fixed: { value: 'hard stop, no override', unit: '' },
  },
  {
    id: 'rems.monitoring-form-due',
    category: 'rems',
    title: 'REMS Patient Monitoring Form due after every outpatient esketamine session',
    section: '§3',
    publication: 'FDA REMS page',
    mark: '✅',
    fixed: { value: '7', unit: 'days' },
  },
  // Staging (§1).
  {
    id: 'staging.trd-adequate-trial',
    category: 'staging',
    title: 'An antidepressant trial is adequate at the minimum effective dose for at least this long',
    section: '§1',
    publication: 'Delphi TRD definition 2021 (Depress Anxiety 2021;38:456)',
    mark: '✅',
    settings: ['trd.minAdequateWeeks'],
  },
  {
    id: 'staging.trd-definition',
    category: 'staging',
    title: 'TRD: at least this many failed adequate trials in the current episode',
    section: '§1',
    publication: 'Gaynes et al., Depress Anxiety 2019',
    mark: '✅',
    settings: ['trd.minFailedTrials'],
  },
  {
    id: 'staging.thase-rush',
    category: 'staging',
    title: 'Thase–Rush stages 0–V, cumulative: each stage needs the one before it',
    section: '§1',
    publication: 'Thase & Rush, J Clin Psychiatry 1997',
    mark: '✅',
    fixed: { value: '0–V', unit: 'stage' },
  },
  {
    id: 'staging.maudsley',
    category: 'staging',
    title: 'Maudsley Staging Method total 3–15; no failed trial is "not applicable"',
    section: '§1',
    publication: 'Fekadu et al., BMC Psychiatry 2018, table 3',
    mark: '✅',
    fixed: { value: '3–15 (mild 3–6, moderate 7–10, severe 11–15)', unit: 'points' },
  },
  // Outcomes (§4).
  {
    id: 'outcomes.response',
    category: 'outcomes',
    title: 'Response: at least 50 % reduction from baseline; remission: PHQ-9 below 5',
    section: '§4',
    publication: null,
    mark: '✅',
    fixed: { value: '≥ 50 % reduction; PHQ-9 < 5', unit: '' },
  },
  {
    id: 'outcomes.bp-excursion',
    category: 'outcomes',
    title: 'A session whose peak BP is above the vitals.bp-sustained threshold counts as a BP excursion',
    section: '§2',
    publication: null,
    mark: '⚠️',
    fixed: { value: 'the vitals.bp-sustained setting', unit: 'mmHg' },
  },
  // Controlled-substance ledger (§8).
  {
    id: 'ledger.waste-witness',
    category: 'ledger',
    title: 'Two-person witnessing of partial-vial waste (state or institution rules, not federal law)',
    section: '§8',
    publication: null,
    mark: '⚠️',
    settings: ['ledger.wasteWitnessRequired'],
  },
  {
    id: 'ledger.expiry-warning',
    category: 'ledger',
    title: 'Lots expiring within this many days are flagged on stock screens',
    section: '§8',
    publication: 'practice seen in veterinary CS software',
    mark: '🔶',
    settings: ['ledger.expiryWarningDays'],
  },
]
