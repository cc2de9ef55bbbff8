import { sideEffectBody } from '../../../../contract/session-actions'
import { seriousFromGrade } from '../../../../domain/session'
import { insertClinicRow } from '../../clinics/clinic-rows'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import { defineAction } from './define'

/** A side effect from the §7 vocabulary, graded 1–5 (serious from the grade unless said). */
export const sideEffect = defineAction({
  name: 'side-effect',
  path: '/side-effects',
  summary: 'A side effect from the §7 vocabulary, graded 1–5',
  body: sideEffectBody,
  permission: 'clinical:write',
  run: async (scope, view, input) => {
    checkChairSideTime(input.onsetAt, scope.now, 'onsetAt', momentsOf(view.timeline), 'check-in')
    await insertClinicRow(scope, 'side_effect', {
      session_id: view.session.id,
      patient_id: view.patient.id,
      term: input.term,
      grade: input.grade,
      onset_at: input.onsetAt ?? scope.now,
      action_taken: input.actionTaken ?? null,
      resolved_at: null,
      is_serious: input.isSerious ?? input.grade >= seriousFromGrade,
      recorded_by: scope.principal.userId,
      created_at: scope.now,
    })
    return { term: input.term, grade: input.grade }
  },
})
