import type { SurveyAnswers } from '../../api/portal'

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed'

/**
 * Saves a survey's answers as the patient taps: one request at a time, always the newest answers
 * (a tap made while a save is in flight is sent right after it, the ones in between are skipped),
 * so a slow network can never leave an older set of answers on the server last.
 */
export function createAnswerSaver(
  send: (answers: SurveyAnswers) => Promise<unknown>,
  onState: (state: SaveState) => void,
) {
  let inFlight: Promise<void> | null = null
  let queued: SurveyAnswers | null = null

  async function run(answers: SurveyAnswers): Promise<void> {
    onState('saving')
    let next: SurveyAnswers | null = answers
    let failed = false
    while (next) {
      const sending: SurveyAnswers = next
      queued = null
      try {
        await send(sending)
        failed = false
      } catch {
        failed = true
      }
      next = queued
    }
    inFlight = null
    onState(failed ? 'failed' : 'saved')
  }

  return {
    save(answers: SurveyAnswers): void {
      if (inFlight) {
        queued = answers
        return
      }
      inFlight = run(answers)
    },
    /** Resolves once nothing is waiting to be sent (before submitting or leaving). */
    async flush(): Promise<void> {
      while (inFlight) await inFlight
    },
  }
}
