import { describe, expect, it } from 'vitest'
import { defaultSuicidalIdeationSettings, phq9, qidsSr16 } from '../../../domain/instruments'
import { ApiError } from '../../api/client'
import type { ProgressSeries } from '../../api/portal'
import { createAnswerSaver, type SaveState } from './answer-saver'
import { describePassword } from './password-hint'
import { dueText, waitText } from './portal-format'
import { chartPoints, describeSeries, referenceLevels, timeDomain } from './progress-data'
import {
  answerLabel,
  canSkip,
  findPatientInstrument,
  hasCrisisAnswer,
  questionsLeftText,
  resumeStep,
} from './survey-flow'
import { describeTwoStepError } from './two-step-text'

describe('survey flow', () => {
  it('resumes at the first unanswered question, or the review screen when all are answered', () => {
    expect(resumeStep(phq9, {})).toBe(0)
    expect(resumeStep(phq9, { phq9_1: 1, phq9_2: 0, phq9_4: 2 })).toBe(2)
    const all = Object.fromEntries(phq9.items.map((item) => [item.id, 0]))
    expect(resumeStep(phq9, all)).toBe(9)
  })

  it('raises crisis resources the moment PHQ-9 item 9 is above 0, before the rest is answered', () => {
    expect(hasCrisisAnswer(phq9, { phq9_9: 0 })).toBe(false)
    expect(hasCrisisAnswer(phq9, { phq9_9: 1 })).toBe(true)
    expect(hasCrisisAnswer(phq9, { phq9_1: 3, phq9_2: 3 })).toBe(false)
  })

  it('raises crisis resources at QIDS-SR16 item 12 warning or urgent, with the clinic’s thresholds (§4)', () => {
    expect(hasCrisisAnswer(qidsSr16, { qids_12: 0 })).toBe(false)
    expect(hasCrisisAnswer(qidsSr16, { qids_12: 1 })).toBe(true)
    const clinic = {
      ...defaultSuicidalIdeationSettings,
      qidsItem12: { warningAtOrAbove: 2, urgentAtOrAbove: 3 },
    }
    const instrument = findPatientInstrument('qids-sr16', clinic)!
    expect(hasCrisisAnswer(instrument, { qids_12: 1 })).toBe(false)
    expect(hasCrisisAnswer(instrument, { qids_12: 2 })).toBe(true)
  })

  it('lets the patient skip one of the QIDS-SR16 either/or questions, not both (§4 form)', () => {
    const item = (n: number) => qidsSr16.items[n - 1]!
    expect(canSkip(qidsSr16, item(5), {})).toBe(false)
    expect(canSkip(qidsSr16, item(6), {})).toBe(true)
    expect(canSkip(qidsSr16, item(7), {})).toBe(false)
    expect(canSkip(qidsSr16, item(7), { qids_6: 1 })).toBe(true)
    const upTo9 = { qids_1: 0, qids_2: 0, qids_3: 0, qids_4: 0, qids_5: 1, qids_7: 2, qids_9: 1 }
    // Items 6 and 8 were skipped because 7 and 9 were answered: resume at item 10.
    expect(resumeStep(qidsSr16, upTo9)).toBe(9)
  })

  it('offers only instruments patients fill in themselves', () => {
    expect(findPatientInstrument('phq9')?.id).toBe('phq9')
    expect(findPatientInstrument('madrs')).toBeNull()
    expect(findPatientInstrument('nope')).toBeNull()
  })

  it('names the chosen answer', () => {
    expect(answerLabel(phq9.items[0]!, { phq9_1: 2 })).toBe('More than half the days')
    expect(answerLabel(phq9.items[0]!, {})).toBeNull()
  })
})

describe('answer saver', () => {
  it('sends one save at a time and skips to the newest answers', async () => {
    const sent: unknown[] = []
    const states: SaveState[] = []
    let release: () => void = () => {}
    const saver = createAnswerSaver(
      (answers) => {
        sent.push(answers)
        return new Promise<void>((resolve) => {
          release = resolve
        })
      },
      (state) => states.push(state),
    )
    saver.save({ a: 1 })
    saver.save({ a: 1, b: 2 })
    saver.save({ a: 1, b: 2, c: 3 })
    expect(sent).toEqual([{ a: 1 }])
    release()
    await Promise.resolve()
    await Promise.resolve()
    expect(sent).toEqual([{ a: 1 }, { a: 1, b: 2, c: 3 }])
    release()
    await saver.flush()
    expect(states).toEqual(['saving', 'saved'])
  })

  it('reports a failed save, and a later save that works clears it', async () => {
    let shouldFail = true
    const states: SaveState[] = []
    const saver = createAnswerSaver(
      () => (shouldFail ? Promise.reject(new Error('offline')) : Promise.resolve()),
      (state) => states.push(state),
    )
    saver.save({ a: 1 })
    await saver.flush()
    shouldFail = false
    saver.save({ a: 2 })
    await saver.flush()
    expect(states).toEqual(['saving', 'failed', 'saving', 'saved'])
  })
})

describe('password hint', () => {
  it('asks for 12 characters first', () => {
    expect(describePassword('short').isLongEnough).toBe(false)
    expect(describePassword('short').advice).toContain('7 more')
    expect(describePassword('').level).toBe(0)
  })
  it('warns about guessable passwords and praises long mixed ones', () => {
    expect(describePassword('password1234').label).toBe('Easy to guess')
    expect(describePassword('aaaaaaaaaaaa').label).toBe('Easy to guess')
    expect(describePassword('river lantern june').label).toBe('Strong')
    expect(describePassword('riverlantern').label).toBe('Good')
  })
})

describe('portal wording', () => {
  const now = new Date(2025, 4, 14, 9, 0).getTime()
  it('says when a survey is due in days, not timestamps', () => {
    expect(dueText(new Date(2025, 4, 14, 23, 0).toISOString(), now)).toBe('Due today')
    expect(dueText(new Date(2025, 4, 15, 8, 0).toISOString(), now)).toBe('Due tomorrow')
    expect(dueText(new Date(2025, 4, 12, 8, 0).toISOString(), now)).toMatch(/^Was due Monday, May 12/)
    expect(dueText(new Date(2025, 4, 20, 8, 0).toISOString(), now)).toMatch(/^Due Tuesday, May 20/)
  })
  it('says how long a locked account waits', () => {
    expect(waitText(45)).toBe('45 seconds')
    expect(waitText(61)).toBe('about 2 minutes')
    expect(waitText(null)).toBe('a few minutes')
  })
})

describe('progress chart data', () => {
  const series: ProgressSeries = {
    instrumentId: 'phq9',
    name: 'PHQ-9',
    maxTotal: 27,
    baseline: 20,
    responseAt: 10,
    remissionAt: 4,
    points: [
      { at: '2025-05-10T12:00:00Z', total: 12 },
      { at: '2025-05-01T12:00:00Z', total: 20 },
    ],
  }
  it('orders points in time and draws response and remission levels', () => {
    expect(chartPoints(series).map((p) => p.total)).toEqual([20, 12])
    expect(referenceLevels(series).map((l) => l.y)).toEqual([10, 4])
    expect(referenceLevels({ ...series, responseAt: null }).map((l) => l.y)).toEqual([4])
  })
  it('spans points and sessions with a day either side', () => {
    const [from, to] = timeDomain(chartPoints(series), [Date.parse('2025-05-12T12:00:00Z')])!
    expect(from).toBe(Date.parse('2025-04-30T12:00:00Z'))
    expect(to).toBe(Date.parse('2025-05-13T12:00:00Z'))
    expect(timeDomain([], [])).toBeNull()
  })
  it('describes the series in words', () => {
    expect(describeSeries(series)).toBe(
      'PHQ-9: 2 answers. The latest score is 12 of 27; the first was 20. Your starting score was 20.',
    )
  })
})

describe('two-step sign-in messages', () => {
  const problem = (status: number, code: string, retryAfterSec?: number) =>
    new ApiError(
      status,
      { type: 'about:blank', title: code, status, detail: 'detail', code, retryAfterSec },
      null,
    )

  it('says what to do in plain words, never the server’s wording for a wrong code or a lock', () => {
    expect(describeTwoStepError(null)).toBeNull()
    expect(describeTwoStepError(problem(401, 'invalid-mfa-code'))).toMatch(/the one your app shows now/)
    expect(describeTwoStepError(problem(423, 'account-locked', 600))).toMatch(/try again in about 10 minutes/)
    expect(describeTwoStepError(problem(401, 'not-signed-in'))).toMatch(/start again with your password/)
    expect(describeTwoStepError(new TypeError('fetch failed'))).toMatch(/could not reach/)
  })
})

describe('questionsLeftText', () => {
  it('says how many questions come after this one, and when it is the last', () => {
    expect(questionsLeftText(8)).toBe('8 questions left after this one')
    expect(questionsLeftText(1)).toBe('1 question left after this one')
    expect(questionsLeftText(0)).toBe('Last question')
  })
})
