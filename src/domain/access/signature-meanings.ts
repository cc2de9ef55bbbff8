// What each electronic signature means (design.md §6): shown to the signer before signing and
// stored, with the hash of the signed content, in the record. One text for the server and the web.
export const signatureMeanings = {
  eligibilityApprove:
    'I have reviewed this assessment and approve the patient as eligible for ketamine treatment.',
  eligibilityDecline: 'I have reviewed this assessment and decline ketamine treatment for this patient.',
  eligibilityDefer: 'I have reviewed this assessment and defer the eligibility decision.',
  planApprove: 'I approve this ketamine treatment plan.',
  planApproveWithDoseOverride:
    'I approve this ketamine treatment plan and override its dose limits (titration ceiling on actual weight, dosing weight above actual weight) for the reason given.',
  doseLimitOverride:
    "I override this session's dose limits (titration ceiling on actual weight, dosing weight above actual weight) for the reason given and take responsibility for the dose.",
  preCheckOverride: 'I override the failing pre-checks of this session and take responsibility for dosing.',
  doseCheck: 'I independently checked this dose calculation.',
  discharge: 'I have assessed this patient and approve discharge to their escort.',
} as const

export const eligibilityMeanings = {
  approve: signatureMeanings.eligibilityApprove,
  decline: signatureMeanings.eligibilityDecline,
  defer: signatureMeanings.eligibilityDefer,
} as const
