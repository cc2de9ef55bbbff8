import type { SettingPath } from './clinic-rule-settings'

/**
 * How each setting is shown and checked. `min`/`max` are plausibility limits on input (a value a
 * clinic could mean), not clinical thresholds; where the reference itself bounds a value (TRD
 * adequate weeks 4–8 §1; esketamine observation ≥ 2 h §3 ✅), the limit is that bound.
 */
export type ParameterSpec =
  | { kind: 'number'; label: string; unit: string; min: number; max: number; isInteger: boolean }
  | { kind: 'boolean'; label: string }

const whole = (label: string, unit: string, min: number, max: number): ParameterSpec => ({
  kind: 'number',
  label,
  unit,
  min,
  max,
  isInteger: true,
})
const decimal = (label: string, unit: string, min: number, max: number): ParameterSpec => ({
  kind: 'number',
  label,
  unit,
  min,
  max,
  isInteger: false,
})

// A Record over every SettingPath: a setting added to the domain without a line here fails tsc.
export const settingParameters: Record<SettingPath, ParameterSpec> = {
  'vitals.preDoseDeferAbove.systolicMmHg': whole('Systolic above', 'mmHg', 80, 250),
  'vitals.preDoseDeferAbove.diastolicMmHg': whole('Diastolic above', 'mmHg', 40, 160),
  'vitals.preDoseNoStartAbove.systolicMmHg': whole('Systolic above', 'mmHg', 80, 250),
  'vitals.preDoseNoStartAbove.diastolicMmHg': whole('Diastolic above', 'mmHg', 40, 160),
  'vitals.sustainedBpAbove.systolicMmHg': whole('Systolic above', 'mmHg', 80, 250),
  'vitals.sustainedBpAbove.diastolicMmHg': whole('Diastolic above', 'mmHg', 40, 160),
  'vitals.sustainedBpAbove.minSpanMin': whole('On readings at least', 'min apart', 1, 60),
  'vitals.singleBpAbove.systolicMmHg': whole('Systolic above', 'mmHg', 80, 260),
  'vitals.singleBpAbove.diastolicMmHg': whole('Diastolic above', 'mmHg', 40, 170),
  'vitals.heartRateAbove.bpm': whole('Heart rate above', '/min', 60, 200),
  'vitals.heartRateAbove.minSpanMin': whole('Sustained for', 'min', 1, 60),
  'vitals.spo2BelowPercent': whole('SpO2 below', '%', 80, 100),
  'vitals.moaasAtOrBelow': whole('MOAA/S at or below', 'score 0–5', 0, 5),
  'vitals.infusionIntervalMin': whole('Every', 'min', 1, 60),
  'vitals.postInfusionIntervalMin': whole('Every', 'min', 1, 120),
  'vitals.esketamineRecheckMin': whole('Recheck at', 'min after the dose', 10, 120),
  'vitals.esketamineUnstableIntervalMin': whole('Every', 'min until stable', 1, 60),
  'vitals.esketamineSpo2IntervalMin': whole('SpO2 every', 'min during monitoring', 1, 60),
  'discharge.minAldreteScore': whole('Modified Aldrete at least', 'score 0–10', 0, 10),
  'discharge.ivMinObservationMin': whole('At least', 'min after the infusion ends', 0, 480),
  'discharge.esketamineMinObservationMin': whole('At least', 'min from the first device', 120, 480),
  'discharge.systolicToleranceMmHg': whole('Systolic within', 'mmHg of baseline', 5, 60),
  'discharge.diastolicToleranceMmHg': whole('Diastolic within', 'mmHg of baseline', 5, 60),
  'spacing.schedulingSlackHours': whole('Slack subtracted from the cadence gap', 'h', 0, 24),
  'dose.titrationCeilingMgPerKg': decimal('Ceiling', 'mg/kg', 0.1, 1.5),
  'trd.minAdequateWeeks': whole('An adequate trial lasts at least', 'weeks', 4, 8),
  'trd.minFailedTrials': whole('Failed adequate trials', 'trials', 1, 5),
  'ledger.wasteWitnessRequired': { kind: 'boolean', label: 'A second person witnesses every waste' },
  'ledger.expiryWarningDays': whole('Flag lots expiring within', 'days', 0, 365),
  // Item answer ranges (§4 structure): PHQ-9 and QIDS-SR16 0–3, MADRS 0–6, HAM-D17 item 3 0–4.
  'suicidalIdeation.phq9Item9.urgentAtOrAbove': whole('PHQ-9 item 9 urgent at or above', 'answer 0–3', 1, 3),
  'suicidalIdeation.qidsItem12.warningAtOrAbove': whole(
    'QIDS-SR16 item 12 warning at or above',
    'answer 0–3',
    1,
    3,
  ),
  'suicidalIdeation.qidsItem12.urgentAtOrAbove': whole(
    'QIDS-SR16 item 12 urgent at or above',
    'answer 0–3',
    1,
    3,
  ),
  'suicidalIdeation.madrsItem10.warningAtOrAbove': whole(
    'MADRS item 10 warning at or above',
    'answer 0–6',
    1,
    6,
  ),
  'suicidalIdeation.madrsItem10.urgentAtOrAbove': whole(
    'MADRS item 10 urgent at or above',
    'answer 0–6',
    1,
    6,
  ),
  'suicidalIdeation.hamdItem3.warningAtOrAbove': whole(
    'HAM-D17 item 3 warning at or above',
    'answer 0–4',
    1,
    4,
  ),
  'suicidalIdeation.hamdItem3.urgentAtOrAbove': whole(
    'HAM-D17 item 3 urgent at or above',
    'answer 0–4',
    1,
    4,
  ),
}

/** Pairs where the first must not be below the second (a stop above the defer level, and so on). */
export const settingOrder: readonly { higher: SettingPath; lower: SettingPath }[] = [
  { higher: 'vitals.preDoseNoStartAbove.systolicMmHg', lower: 'vitals.preDoseDeferAbove.systolicMmHg' },
  { higher: 'vitals.preDoseNoStartAbove.diastolicMmHg', lower: 'vitals.preDoseDeferAbove.diastolicMmHg' },
  { higher: 'vitals.singleBpAbove.systolicMmHg', lower: 'vitals.sustainedBpAbove.systolicMmHg' },
  { higher: 'vitals.singleBpAbove.diastolicMmHg', lower: 'vitals.sustainedBpAbove.diastolicMmHg' },
  {
    higher: 'suicidalIdeation.qidsItem12.urgentAtOrAbove',
    lower: 'suicidalIdeation.qidsItem12.warningAtOrAbove',
  },
  {
    higher: 'suicidalIdeation.madrsItem10.urgentAtOrAbove',
    lower: 'suicidalIdeation.madrsItem10.warningAtOrAbove',
  },
  {
    higher: 'suicidalIdeation.hamdItem3.urgentAtOrAbove',
    lower: 'suicidalIdeation.hamdItem3.warningAtOrAbove',
  },
]
