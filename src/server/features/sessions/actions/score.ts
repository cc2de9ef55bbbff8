import { scoreBody } from '../../../../contract/session-actions'
import { type InstrumentId, isInstrumentId } from '../../../../domain/instruments'
import { AppError } from '../../../errors'
import { insertScoredResponse } from '../../assessments/service'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import { defineAction } from './define'

/** An instrument administered in this session, scored by the domain. */
export const score = defineAction({
  name: 'score',
  path: '/scores',
  summary: 'An instrument in this session (C-SSRS, PHQ-9, CADSS, MOAA/S, Aldrete, …)',
  body: scoreBody,
  permission: 'clinical:write',
  validate: (input) => {
    if (!isInstrumentId(input.instrumentId))
      throw new AppError('validation-failed', `Unknown instrument "${input.instrumentId}".`, {
        fieldErrors: [{ field: 'instrumentId', message: 'is not an instrument of the registry' }],
      })
  },
  run: async (scope, view, input) => {
    checkChairSideTime(
      input.administeredAt,
      scope.now,
      'administeredAt',
      momentsOf(view.timeline),
      'check-in',
    )
    // `validate` refused any other id before the transaction.
    const instrumentId = input.instrumentId as InstrumentId
    const { total } = await insertScoredResponse(scope, {
      patientId: view.patient.id,
      instrumentId,
      answers: input.answers,
      context: input.context,
      sessionId: view.session.id,
      administeredAt: input.administeredAt,
    })
    return { instrumentId, total }
  },
})
