import { sideEffectBody } from '../../../../contract/session-actions'
import { seriousFromGrade } from '../../../../domain/session'
import { uuidv7 } from '../../../ids'
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
    await scope.tx
      .insertInto('side_effect')
      .values({
        id: uuidv7(scope.now.getTime()),
        clinic_id: scope.clinicId,
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
      .execute()
    return { term: input.term, grade: input.grade }
  },
})
