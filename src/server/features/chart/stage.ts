export type PatientStage =
  | 'intake'
  | 'awaiting-decision'
  | 'declined'
  | 'deferred'
  | 'eligible'
  | 'ready-for-treatment'

export interface StageFacts {
  latestDecision: 'approve' | 'decline' | 'defer' | null
  hasApprovedPlan: boolean
  hasCurrentConsent: boolean
  /** History, contraindication screen and baseline scores are all recorded. */
  isAssessmentComplete: boolean
}

/** Where a patient stands on the way to a first session; one rule for the chart and the list. */
export function deriveStage(f: StageFacts): PatientStage {
  if (f.latestDecision === 'decline') return 'declined'
  if (f.latestDecision === 'defer') return 'deferred'
  if (f.latestDecision === 'approve')
    return f.hasApprovedPlan && f.hasCurrentConsent ? 'ready-for-treatment' : 'eligible'
  return f.isAssessmentComplete ? 'awaiting-decision' : 'intake'
}
