// One-tap side-effect vocabulary and grades for chair-side charting (clinical-reference §7).

export const sideEffectTerms = [
  'nausea',
  'vomiting',
  'dizziness',
  'dissociation',
  'headache',
  'blurred vision',
  'anxiety',
  'hypertension',
  'tachycardia',
  'sedation',
  'respiratory depression',
  'hypersalivation',
  'urinary symptoms',
] as const
export type SideEffectTerm = (typeof sideEffectTerms)[number]

/** CTCAE-style grades 1–5 (§7). */
export const sideEffectGradeLabels: Record<number, string> = {
  1: 'Mild',
  2: 'Moderate',
  3: 'Severe',
  4: 'Life-threatening',
  5: 'Death',
}

/** A grade of 3 or more is recorded as serious unless the clinician says otherwise. */
export const seriousFromGrade = 3
