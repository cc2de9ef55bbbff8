import { DomainValidationError } from '../errors'

/**
 * absolute: a label contraindication (override with signature and reason); relative: a warning to
 * weigh; caution: a label warning the prescriber acknowledges at eligibility and before each dose.
 */
export type ContraindicationSeverity = 'absolute' | 'relative' | 'caution'

/**
 * Where the item comes from: the esketamine label's contraindications (§2), its warnings and
 * interactions (§3, label 5.6, 7.1–7.3), common trial exclusions, or ⚠️ unverified.
 */
export type ContraindicationSource = 'label' | 'label-warning' | 'trial-exclusion' | 'unverified'

export interface ContraindicationQuestion {
  id: string
  question: string
  severity: ContraindicationSeverity
  source: ContraindicationSource
  isUnverified: boolean
  /** Shown when the answer is yes. */
  explanation: string
}

const ABSOLUTE_NOTE =
  'Label contraindication (esketamine, applied by analogy): override needs prescriber signature and reason.'
const RELATIVE_NOTE = 'Common trial exclusion: a warning for the prescriber to weigh.'
const UNVERIFIED_NOTE = 'Listed in some sources but not verified (⚠️): a warning only.'
const CAUTION_NOTE =
  'Label warning: the prescriber acknowledges it at eligibility and before each dose; not a contraindication.'

const notes: Record<ContraindicationSource, string> = {
  label: ABSOLUTE_NOTE,
  'label-warning': CAUTION_NOTE,
  'trial-exclusion': RELATIVE_NOTE,
  unverified: UNVERIFIED_NOTE,
}
const severities: Record<ContraindicationSource, ContraindicationSeverity> = {
  label: 'absolute',
  'label-warning': 'caution',
  'trial-exclusion': 'relative',
  unverified: 'relative',
}

const question = (
  id: string,
  text: string,
  source: ContraindicationSource,
  finding: string,
): ContraindicationQuestion => {
  const note = notes[source]
  return {
    id,
    question: text,
    severity: severities[source],
    source,
    isUnverified: source === 'unverified',
    explanation: `${finding} ${note}`,
  }
}

/**
 * The screen of §2 and §3: label contraindications are absolute, label warnings cautions, the rest
 * relative.
 */
export const CONTRAINDICATION_QUESTIONS: readonly ContraindicationQuestion[] = [
  question(
    'aneurysmal-vascular-disease',
    'Aneurysmal vascular disease (aortic, intracranial or peripheral arterial)?',
    'label',
    'Aneurysmal vascular disease: ketamine raises blood pressure.',
  ),
  question(
    'arteriovenous-malformation',
    'Arteriovenous malformation?',
    'label',
    'Arteriovenous malformation.',
  ),
  question(
    'intracerebral-haemorrhage',
    'History of intracerebral haemorrhage?',
    'label',
    'History of intracerebral haemorrhage.',
  ),
  question(
    'ketamine-hypersensitivity',
    'Hypersensitivity to ketamine or esketamine?',
    'label',
    'Hypersensitivity to ketamine or esketamine.',
  ),
  question('current-psychosis', 'Current psychosis?', 'trial-exclusion', 'Current psychosis.'),
  question('current-mania', 'Current mania or hypomania?', 'trial-exclusion', 'Current mania.'),
  question(
    'pregnancy-breastfeeding',
    'Pregnant or breastfeeding?',
    'trial-exclusion',
    'Pregnancy or breastfeeding.',
  ),
  question(
    'uncontrolled-hypertension',
    'Uncontrolled hypertension?',
    'trial-exclusion',
    'Uncontrolled hypertension: ketamine raises blood pressure.',
  ),
  question(
    'significant-arrhythmia',
    'Significant cardiac arrhythmia?',
    'trial-exclusion',
    'Significant arrhythmia.',
  ),
  question(
    'unstable-cerebrovascular-disease',
    'Unstable cerebrovascular disease?',
    'trial-exclusion',
    'Unstable cerebrovascular disease.',
  ),
  question(
    'substance-use-disorder',
    'Substance use disorder needing specialist care?',
    'trial-exclusion',
    'Substance use disorder needing specialist care.',
  ),
  question(
    'ketamine-pcp-misuse',
    'Current or past misuse of ketamine or PCP?',
    'trial-exclusion',
    'Ketamine or PCP misuse: risk of abuse and dependence.',
  ),
  // §3 ✅ pre-dose cautions (esketamine label 5.6, 7.1–7.3): blood pressure and sedation.
  question(
    'hypertensive-encephalopathy-history',
    'History of hypertensive encephalopathy?',
    'label-warning',
    'History of hypertensive encephalopathy: esketamine raises blood pressure (label 5.6).',
  ),
  question(
    'current-psychostimulants',
    'Currently taking a psychostimulant (e.g. amphetamine, methylphenidate, modafinil)?',
    'label-warning',
    'Psychostimulants with esketamine may raise blood pressure further: monitor it closely (label 7.2).',
  ),
  question(
    'current-maoi',
    'Currently taking a monoamine oxidase inhibitor (MAOI)?',
    'label-warning',
    'MAOIs with esketamine may raise blood pressure further: monitor it closely (label 7.3).',
  ),
  question(
    'cns-depressants',
    'Currently using CNS depressants: benzodiazepines, opioids or alcohol?',
    'label-warning',
    'CNS depressants (benzodiazepines, opioids, alcohol) may increase sedation: monitor it closely (label 7.1).',
  ),
  question(
    'raised-intracranial-pressure',
    'Raised intracranial pressure?',
    'unverified',
    'Raised intracranial pressure.',
  ),
  question(
    'raised-intraocular-pressure',
    'Raised intraocular pressure?',
    'unverified',
    'Raised intraocular pressure.',
  ),
]

/** Yes/no per question id; every question must be answered (an unknown is not a no). */
export type ContraindicationAnswers = Readonly<Record<string, boolean | null>>

export interface ContraindicationFinding {
  id: string
  severity: ContraindicationSeverity
  isUnverified: boolean
  explanation: string
}

export interface ContraindicationScreen {
  /** Every yes, cautions included. */
  findings: ContraindicationFinding[]
  hasAbsolute: boolean
  hasRelative: boolean
  /** §3 label warnings answered yes: acknowledged by the prescriber, never a block on their own. */
  cautions: ContraindicationFinding[]
}

export function screenContraindications(answers: ContraindicationAnswers): ContraindicationScreen {
  const known = new Set(CONTRAINDICATION_QUESTIONS.map((q) => q.id))
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      throw new DomainValidationError(`answers.${key}`, 'is not a contraindication question')
  }
  const findings: ContraindicationFinding[] = []
  for (const q of CONTRAINDICATION_QUESTIONS) {
    const answer = answers[q.id]
    if (typeof answer !== 'boolean')
      throw new DomainValidationError(`answers.${q.id}`, 'must be answered yes or no')
    if (answer)
      findings.push({
        id: q.id,
        severity: q.severity,
        isUnverified: q.isUnverified,
        explanation: q.explanation,
      })
  }
  return {
    findings,
    hasAbsolute: findings.some((f) => f.severity === 'absolute'),
    hasRelative: findings.some((f) => f.severity === 'relative'),
    cautions: findings.filter((f) => f.severity === 'caution'),
  }
}

/** The caution questions (§3 label warnings), for screens that list them on their own. */
export const CAUTION_QUESTIONS: readonly ContraindicationQuestion[] = CONTRAINDICATION_QUESTIONS.filter(
  (q) => q.severity === 'caution',
)
