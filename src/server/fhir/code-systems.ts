// The code systems and identifier systems KetaCare's FHIR resources use. External systems are the
// HL7/LOINC/UCUM canonical URLs; KetaCare's own codes (instruments without a LOINC total, staff
// roles) live under one base URL so a receiving system can tell them apart.

export const ketacareBase = 'https://ketacare.org/fhir'
export const loinc = 'http://loinc.org'
export const ucum = 'http://unitsofmeasure.org'
export const observationCategory = 'http://terminology.hl7.org/CodeSystem/observation-category'
export const actCode = 'http://terminology.hl7.org/CodeSystem/v3-ActCode'
export const participationType = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType'
export const identifierType = 'http://terminology.hl7.org/CodeSystem/v2-0203'

/** Instrument totals without a LOINC code (MADRS, QIDS-SR16, C-SSRS …): code = the instrument id. */
export const instrumentSystem = `${ketacareBase}/CodeSystem/instrument-total`
/** Staff roles (PractitionerRole.code): admin, prescriber, nurse, front_desk, auditor. */
export const staffRoleSystem = `${ketacareBase}/CodeSystem/staff-role`
/** Chair-side sedation level read with the vital signs (MOAA/S, clinical-reference §4). */
export const sedationSystem = `${ketacareBase}/CodeSystem/sedation`
/** A clinic's medical record numbers: unique within the clinic, so the system names the clinic. */
export const mrnSystem = (clinicId: string) => `${ketacareBase}/sid/mrn/${clinicId}`
/** A treatment session's number within its patient's course. */
export const sessionNumberSystem = `${ketacareBase}/sid/session-number`

// Medications and the depressive episode (MedicationAdministration, Medication, Condition).

/** RxNorm: 6130 ketamine (ingredient), 2201623 esketamine nasal spray (clinical drug form). */
export const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm'
export const ndc = 'http://hl7.org/fhir/sid/ndc'
export const snomed = 'http://snomed.info/sct'
export const icd10cm = 'http://hl7.org/fhir/sid/icd-10-cm'
export const medAdminPerformFunction = 'http://terminology.hl7.org/CodeSystem/med-admin-perform-function'
export const conditionClinical = 'http://terminology.hl7.org/CodeSystem/condition-clinical'
export const conditionVerification = 'http://terminology.hl7.org/CodeSystem/condition-ver-status'
export const conditionCategory = 'http://terminology.hl7.org/CodeSystem/condition-category'

// Consent, CarePlan, AdverseEvent and Provenance (issue 17, records).
export const consentScope = 'http://terminology.hl7.org/CodeSystem/consentscope'
export const actReason = 'http://terminology.hl7.org/CodeSystem/v3-ActReason'
export const adverseEventSeriousness = 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness'
export const adverseEventSeverity = 'http://terminology.hl7.org/CodeSystem/adverse-event-severity'
export const adverseEventOutcome = 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome'
export const provenanceAgentType = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type'
/** Signature types (ASTM E1762-95): author, consent and witness signatures. */
export const signatureType = 'urn:iso-astm:E1762-95:2013'
/** The one-tap side-effect vocabulary (clinical-reference §7): code = the term. */
export const sideEffectSystem = `${ketacareBase}/CodeSystem/side-effect`
/** A side effect's CTCAE-style grade 1–5 (AdverseEvent has no element for it). */
export const ctcaeGradeExtension = `${ketacareBase}/StructureDefinition/ctcae-grade`
/** The signed act a Provenance records: eligibility, plan-approval, discharge, consent. */
export const signedActSystem = `${ketacareBase}/CodeSystem/signed-act`
/** Tags a record marked entered in error where the resource type has no status for it (AdverseEvent). */
export const recordStatusSystem = `${ketacareBase}/CodeSystem/record-status`
