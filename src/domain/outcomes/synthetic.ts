// A synthetic clinic population (issue 8) whose shapes follow the literature the dashboard is
// compared with — rapid improvement after the first infusions, about half responding at course
// end, a minority remitting, responders relapsing with a median near 18 days (clinical-reference
// §6), blood pressure peaking around 40 minutes (+16/+11 mmHg, §2) and the side-effect mix of §7.
// Pure and seeded: the same seed gives the same population.

export interface SyntheticSession {
  number: number
  day: number
  route: 'iv' | 'intranasal'
  doseMg: number
  /** Pre-dose, ~40-minute peak and pre-discharge readings: [systolic, diastolic, heart rate]. */
  vitals: [number, number, number][]
  sideEffects: { term: string; grade: number }[]
}

export interface SyntheticPatient {
  index: number
  sex: 'female' | 'male'
  ageYears: number
  weightKg: number
  route: 'iv' | 'intranasal'
  sessions: SyntheticSession[]
  /** PHQ-9 totals by day since the first session (day 0 = baseline, before dosing). */
  phq9: { day: number; total: number }[]
  madrs: { day: number; total: number }[]
  consentsToResearch: boolean
}

const sideEffectRates: [term: string, perSession: number][] = [
  ['dissociation', 0.35], // §3/§7: dissociation common (61–84 % of esketamine patients at some point)
  ['nausea', 0.28], // §7 🔶
  ['dizziness', 0.15],
  ['headache', 0.1],
  ['hypertension', 0.06],
  ['anxiety', 0.08],
  ['blurred vision', 0.05],
  ['vomiting', 0.04],
  ['sedation', 0.05],
]

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export function generateSyntheticPatient(
  index: number,
  uniform: () => number,
  normal: () => number,
): SyntheticPatient {
  const sex = uniform() < 0.6 ? 'female' : 'male'
  const ageYears = Math.round(clamp(45 + 13 * normal(), 18, 85))
  const weightKg = Math.round(clamp((sex === 'female' ? 72 : 86) + 14 * normal(), 45, 160) * 10) / 10
  const route = uniform() < 0.85 ? 'iv' : 'intranasal'
  const days = route === 'iv' ? [0, 2, 4, 7, 9, 11] : [0, 3, 7, 10, 14, 17, 21, 24]
  const sessions: SyntheticSession[] = days.map((day, i) => {
    const sbp = Math.round(clamp(124 + 12 * normal(), 95, 160))
    const dbp = Math.round(clamp(79 + 8 * normal(), 55, 100))
    const hr = Math.round(clamp(74 + 9 * normal(), 50, 110))
    const riseS = Math.round(clamp(16 + 8 * normal(), 0, 70))
    const riseD = Math.round(clamp(11 + 5 * normal(), 0, 40))
    const sideEffects = sideEffectRates
      .filter(([, rate]) => uniform() < rate)
      .map(([term]) => ({ term, grade: uniform() < 0.85 ? 1 : uniform() < 0.9 ? 2 : 3 }))
    return {
      number: i + 1,
      day,
      route,
      doseMg:
        route === 'iv' ? Math.round(weightKg * 0.5 * 100) / 100 : i === 0 ? 56 : uniform() < 0.5 ? 56 : 84,
      vitals: [
        [sbp, dbp, hr],
        [sbp + riseS, dbp + riseD, hr + Math.round(6 * uniform())],
        [sbp + Math.round(riseS / 4), dbp + Math.round(riseD / 4), hr],
      ],
      sideEffects,
    }
  })
  // Final improvement: ~55 % respond by course end, about half of them remit (§6 ranges).
  const isResponder = uniform() < 0.55
  const finalImprovement = isResponder
    ? clamp(0.5 + 0.25 * uniform() + (uniform() < 0.5 ? 0.2 : 0), 0.5, 0.95)
    : clamp(0.45 * uniform(), 0, 0.49)
  const baseline = Math.round(clamp(19 + 3 * normal(), 12, 27))
  const courseEnd = days[days.length - 1]! + 1
  // Responders relapse with a median of 18 days after the course (Murrough 2013); follow-up 90 days.
  const relapseDay = isResponder
    ? courseEnd + Math.round((-Math.log(1 - uniform()) * 18) / Math.LN2)
    : Number.POSITIVE_INFINITY
  const phq9Days = [0, 1, 7, courseEnd, courseEnd + 14, courseEnd + 28, courseEnd + 56, courseEnd + 84]
  const improvementAt = (day: number) => {
    if (day === 0) return 0
    if (day >= relapseDay) return clamp(finalImprovement * 0.3, 0, 0.3)
    // Fast: most of the change shows within a day of the first infusion (§6: 24-hour response).
    return finalImprovement * Math.min(1, 0.75 + 0.25 * (day / courseEnd))
  }
  const phq9 = phq9Days.map((day) => ({
    day,
    total: Math.round(clamp(baseline * (1 - improvementAt(day)) + 1.5 * normal(), 0, 27)),
  }))
  const madrsBaseline = Math.round(clamp(32 + 5 * normal(), 20, 50))
  const madrs = [0, courseEnd].map((day) => ({
    day,
    total: Math.round(clamp(madrsBaseline * (1 - improvementAt(day)) + 2 * normal(), 0, 60)),
  }))
  return { index, sex, ageYears, weightKg, route, sessions, phq9, madrs, consentsToResearch: uniform() < 0.7 }
}
