import type { AdverseEvent, Coding } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { SideEffectTable } from '../../../db'
import { sideEffectGradeLabels } from '../../../domain/session'
import {
  adverseEventOutcome,
  adverseEventSeriousness,
  adverseEventSeverity,
  ctcaeGradeExtension,
  recordStatusSystem,
  sideEffectSystem,
} from '../code-systems'
import { appendOnlyMeta, ref } from './meta'

// R4's AdverseEvent severity has three levels; the CTCAE-style grade (1–5) is kept exactly in an
// extension. A grade-5 event's outcome is fatal. R4 gives AdverseEvent no status, so a side effect
// marked entered in error carries a meta tag instead (and version 2, like other marked records).

const severityOf = (grade: number): Coding => {
  const code = grade <= 1 ? 'mild' : grade === 2 ? 'moderate' : 'severe'
  return { system: adverseEventSeverity, code, display: code[0]!.toUpperCase() + code.slice(1) }
}

function outcomeOf(row: Selectable<SideEffectTable>): Coding {
  if (row.grade >= 5) return { system: adverseEventOutcome, code: 'fatal', display: 'Fatal' }
  return row.resolved_at
    ? { system: adverseEventOutcome, code: 'resolved', display: 'Resolved' }
    : { system: adverseEventOutcome, code: 'ongoing', display: 'Ongoing' }
}

export function toAdverseEvent(row: Selectable<SideEffectTable>): AdverseEvent {
  const meta = appendOnlyMeta(row)
  return {
    resourceType: 'AdverseEvent',
    id: row.id,
    meta: row.entered_in_error_at
      ? {
          ...meta,
          tag: [{ system: recordStatusSystem, code: 'entered-in-error', display: 'Entered in error' }],
        }
      : meta,
    extension: [{ url: ctcaeGradeExtension, valueInteger: row.grade }],
    actuality: 'actual',
    event: { coding: [{ system: sideEffectSystem, code: row.term, display: row.term }], text: row.term },
    subject: ref('Patient', row.patient_id),
    encounter: ref('Encounter', row.session_id),
    date: row.onset_at.toISOString(),
    recordedDate: row.created_at.toISOString(),
    ...(row.recorded_by ? { recorder: ref('Practitioner', row.recorded_by) } : {}),
    seriousness: {
      coding: [
        row.is_serious
          ? { system: adverseEventSeriousness, code: 'serious', display: 'Serious' }
          : { system: adverseEventSeriousness, code: 'non-serious', display: 'Non-serious' },
      ],
    },
    severity: {
      coding: [severityOf(row.grade)],
      text: `Grade ${row.grade} (${sideEffectGradeLabels[row.grade] ?? 'ungraded'})`,
    },
    outcome: { coding: [outcomeOf(row)] },
  }
}
