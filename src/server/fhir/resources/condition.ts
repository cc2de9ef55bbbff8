import type { Condition } from '@medplum/fhirtypes'
import type { EpisodeSeverity } from '../../../domain/eligibility'
import { clinicDateOf } from '../../../domain/time'
import { conditionCategory, conditionClinical, conditionVerification, icd10cm } from '../code-systems'
import { ref, versionedMeta } from './meta'

// The current depressive episode as the intake records it (the `screening` row: severity and
// duration; the antidepressant trials) as a Condition coded in ICD-10-CM (clinical-reference §4:
// payers expect F33.2 / F32.2). KetaCare stores no diagnosis code, so the code is derived:
// - severity → the fourth character (mild .0, moderate .1, severe .2, severe with psychosis .3);
//   subsyndromal is below major depression: F32.A "Depression, unspecified";
// - recurrent (F33) when a trial is recorded from an earlier episode, else single episode (F32) —
//   "single" means no earlier episode is on record, not that none happened.
// It is `provisional` until a prescriber has signed an eligibility decision, then `confirmed`.

/** ICD-10-CM codes by severity: [single episode, recurrent]. */
export const episodeCodes: Record<EpisodeSeverity, readonly [string, string]> = {
  subsyndromal: ['F32.A', 'F32.A'],
  mild: ['F32.0', 'F33.0'],
  moderate: ['F32.1', 'F33.1'],
  severe: ['F32.2', 'F33.2'],
  'severe-psychotic': ['F32.3', 'F33.3'],
}

const displays: Record<string, string> = {
  'F32.A': 'Depression, unspecified',
  'F32.0': 'Major depressive disorder, single episode, mild',
  'F32.1': 'Major depressive disorder, single episode, moderate',
  'F32.2': 'Major depressive disorder, single episode, severe without psychotic features',
  'F32.3': 'Major depressive disorder, single episode, severe with psychotic features',
  'F33.0': 'Major depressive disorder, recurrent, mild',
  'F33.1': 'Major depressive disorder, recurrent, moderate',
  'F33.2': 'Major depressive disorder, recurrent severe without psychotic features',
  'F33.3': 'Major depressive disorder, recurrent, severe with psychotic symptoms',
}

export interface EpisodeRow {
  id: string
  patient_id: string
  /** The ICD-10-CM code, computed in SQL from `episodeCodes` (condition-source.ts). */
  code: string
  episode_duration_months: number | null
  updated_at: Date
  isSigned: boolean
  version: number
  lastUpdated: Date
}

/** The month the episode began: its duration back from when the intake recorded it (clinic calendar). */
function onsetMonth(row: EpisodeRow, timeZone: string): string | undefined {
  if (row.episode_duration_months === null) return undefined
  const [year, month] = clinicDateOf(row.updated_at, timeZone).split('-').map(Number) as [number, number]
  const months = year * 12 + (month - 1) - row.episode_duration_months
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}`
}

export function toCondition(row: EpisodeRow, timeZone: string): Condition {
  const verification = row.isSigned ? 'confirmed' : 'provisional'
  const onset = onsetMonth(row, timeZone)
  return {
    resourceType: 'Condition',
    id: row.id,
    meta: versionedMeta(row.version, row.lastUpdated),
    clinicalStatus: { coding: [{ system: conditionClinical, code: 'active', display: 'Active' }] },
    verificationStatus: {
      coding: [
        {
          system: conditionVerification,
          code: verification,
          display: verification === 'confirmed' ? 'Confirmed' : 'Provisional',
        },
      ],
    },
    category: [
      { coding: [{ system: conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] },
    ],
    code: {
      coding: [{ system: icd10cm, code: row.code, display: displays[row.code]! }],
      text: 'Current depressive episode',
    },
    subject: ref('Patient', row.patient_id),
    ...(onset ? { onsetDateTime: onset } : {}),
    recordedDate: row.updated_at.toISOString(),
  }
}
