// The REMS Patient Monitoring Form asks about concomitant medicines (clinical-reference §3):
// benzodiazepines, non-benzodiazepine hypnotics, psychostimulants, MAOIs and opioids. Each answer
// says where it came from: the clinician's entry on the form, the chart, or nowhere yet.

export const concomitantClasses = [
  'benzodiazepines',
  'nonBenzodiazepineHypnotics',
  'psychostimulants',
  'maois',
  'opioids',
] as const
export type ConcomitantClass = (typeof concomitantClasses)[number]

/** A fact the chart holds about one class, e.g. an MAOI among the current episode's trials. */
export interface ChartMedicationFact {
  drugClass: ConcomitantClass
  /** Where in the chart, in words: "antidepressant history: phenelzine, current episode". */
  source: string
  /** The chart shows it taken at the session (e.g. a trial still running then); else a hint only. */
  isCurrent: boolean
}

export interface ConcomitantAnswer {
  /** null: neither the chart nor the clinician has answered; the clinician completes it. */
  value: boolean | null
  origin: 'form' | 'chart' | 'not-recorded'
  source: string
}

/**
 * One answer per class. The clinician's entry on the form wins (they confirm or correct the
 * chart); otherwise a chart fact answers yes, naming where it came from; otherwise it is left open.
 * The chart never answers "no": intake records what a patient took, not a full medication list.
 */
export function concomitantAnswers(
  facts: readonly ChartMedicationFact[],
  submitted?: Partial<Record<ConcomitantClass, boolean>> | null,
  submittedBy?: string | null,
): Record<ConcomitantClass, ConcomitantAnswer> {
  const entries = concomitantClasses.map((c): [ConcomitantClass, ConcomitantAnswer] => {
    const fromForm = submitted?.[c]
    if (typeof fromForm === 'boolean')
      return [
        c,
        {
          value: fromForm,
          origin: 'form',
          source: `entered on the form${submittedBy ? ` by ${submittedBy}` : ''}`,
        },
      ]
    const current = facts.filter((f) => f.drugClass === c && f.isCurrent)
    if (current.length > 0)
      return [c, { value: true, origin: 'chart', source: current.map((f) => f.source).join('; ') }]
    const hints = facts
      .filter((f) => f.drugClass === c)
      .map((f) => `${f.source}: confirm whether still taken`)
    return [
      c,
      {
        value: null,
        origin: 'not-recorded',
        source: ['not in the chart as current: clinician to complete', ...hints].join('; '),
      },
    ]
  })
  return Object.fromEntries(entries) as Record<ConcomitantClass, ConcomitantAnswer>
}
