import { DomainValidationError } from '../errors'

export type ContraindicationSeverity = 'absolute' | 'relative'

/** Where the item comes from (§2): the esketamine label, common trial exclusions, or ⚠️ unverified. */
export type ContraindicationSource = 'label' | 'trial-exclusion' | 'unverified'

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

const question = (
  id: string,
  text: string,
  source: ContraindicationSource,
  finding: string,
): ContraindicationQuestion => {
  const severity: ContraindicationSeverity = source === 'label' ? 'absolute' : 'relative'
  const note =
    source === 'label' ? ABSOLUTE_NOTE : source === 'trial-exclusion' ? RELATIVE_NOTE : UNVERIFIED_NOTE
  return {
    id,
    question: text,
    severity,
    source,
    isUnverified: source === 'unverified',
    explanation: `${finding} ${note}`,
  }
}

/** The screen of §2: label contraindications are absolute, the rest relative. */
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
  findings: ContraindicationFinding[]
  hasAbsolute: boolean
  hasRelative: boolean
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
  }
}
