import { administrationSource } from './sources/administration-source'
import { adverseEventSource } from './sources/adverse-event-source'
import { carePlanSource } from './sources/care-plan-source'
import { locationSource, organizationSource } from './sources/clinic-sources'
import { conditionSource } from './sources/condition-source'
import { consentSource } from './sources/consent-source'
import { encounterSource } from './sources/encounter-source'
import { medicationSource } from './sources/medication-source'
import { observationSource } from './sources/observation-source'
import { patientSource } from './sources/patient-source'
import { provenanceSource } from './sources/provenance-source'
import { questionnaireResponseSource, questionnaireSource } from './sources/questionnaire-sources'
import type { ResourceSource } from './sources/source'
import { practitionerRoleSource, practitionerSource } from './sources/staff-sources'

/** Every resource type served, in the CapabilityStatement's order. To add a type, add its source here. */
export const sources: readonly ResourceSource[] = [
  patientSource,
  encounterSource,
  observationSource,
  questionnaireResponseSource,
  questionnaireSource,
  organizationSource,
  locationSource,
  practitionerSource,
  practitionerRoleSource,
  administrationSource,
  medicationSource,
  conditionSource,
  // Signed records (issue 17): consent, plan, side effects, signatures.
  consentSource,
  carePlanSource,
  adverseEventSource,
  provenanceSource,
]

const byType = new Map(sources.map((s) => [s.type as string, s]))

export function sourceOf(type: string): ResourceSource | undefined {
  return byType.get(type)
}
