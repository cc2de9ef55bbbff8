import { enteredInErrorBody } from '../../../../contract/session-actions'
import { type CorrectableTable, markEnteredInError } from '../../../corrections'
import { AppError } from '../../../errors'
import { defineAction } from './define'

const correctable: Record<
  (typeof enteredInErrorBody.shape.kind.options)[number],
  CorrectableTable | 'session_event' | 'side_effect'
> = {
  vitals: 'vital_sign',
  responses: 'instrument_response',
  events: 'session_event',
  'side-effects': 'side_effect',
}

/** Any charted value can be marked entered-in-error with a reason; the record keeps it, struck through. */
export const enteredInError = defineAction({
  name: 'entered-in-error',
  path: '/entered-in-error',
  summary: 'Mark a charted entry entered in error (nothing is deleted)',
  body: enteredInErrorBody,
  permission: 'clinical:write',
  audit: (input) => `${correctable[input.kind]}.entered-in-error`,
  run: async (scope, view, input) => {
    const table = correctable[input.kind]
    if (table === 'session_event' || table === 'side_effect') {
      const result = await scope.tx
        .updateTable(table)
        .set({
          entered_in_error_at: scope.now,
          entered_in_error_by: scope.principal.userId,
          error_reason: input.reason,
        })
        .where('clinic_id', '=', scope.clinicId)
        .where('session_id', '=', view.session.id)
        .where('id', '=', input.entryId)
        .where('entered_in_error_at', 'is', null)
        .executeTakeFirst()
      if (result.numUpdatedRows === 0n)
        throw new AppError('not-found', 'No such entry in this session, or it is already marked.')
    } else {
      await markEnteredInError(scope, table, view.patient.id, input.entryId, input.reason)
    }
    return { kind: input.kind, entryId: input.entryId }
  },
})
