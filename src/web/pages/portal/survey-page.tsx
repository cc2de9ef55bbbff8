import { Alert, Anchor, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { AnswerValue, Instrument } from '../../../domain/instruments'
import { isItemOptional } from '../../../domain/instruments'
import { isApiError } from '../../api/client'
import {
  type PortalSurvey,
  type SurveyAnswers,
  saveSurveyAnswers,
  usePortalMe,
  usePortalSurveys,
  useSubmitSurvey,
} from '../../api/portal'
import { SurveyCrisisNotice } from '../../components/portal/survey-crisis-notice'
import { eitherOrPatientNote } from '../../lib/either-or'
import { askedItems, scoreLive } from '../../lib/live-score'
import { createAnswerSaver, type SaveState } from './answer-saver'
import { dueText, reasonText } from './portal-format'
import { PortalLoader, PortalProblem } from './portal-status'
import { canSkip, findPatientInstrument, hasCrisisAnswer, questionStem, resumeStep } from './survey-flow'
import { SurveyQuestion } from './survey-question'
import { SurveyReview } from './survey-review'
import { SurveyThanks } from './survey-thanks'

const saveMessages: Record<SaveState, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Your answers are saved. You can leave and come back later.',
  failed:
    'Your last answer is not saved yet. Check your connection. We will try again with your next answer.',
}

function SurveyRunner({
  survey,
  instrument,
  clinic,
  scope,
}: {
  survey: PortalSurvey
  instrument: Instrument
  clinic: { name: string; phone: string | null }
  scope: 'full' | 'survey'
}) {
  const [answers, setAnswers] = useState<SurveyAnswers>(survey.answers)
  const [step, setStep] = useState(() => resumeStep(instrument, survey.answers))
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const saver = useMemo(
    () => createAnswerSaver((a) => saveSurveyAnswers(survey.id, a), setSaveState),
    [survey.id],
  )
  const submit = useSubmitSurvey(survey.id)
  const asked = askedItems(instrument, answers)
  const isUrgent = hasCrisisAnswer(instrument, answers)
  const answersToSend = (a: SurveyAnswers) => scoreLive(instrument, a)?.answersToSend ?? a

  if (submit.isSuccess) {
    return <SurveyThanks clinic={clinic} scope={scope} isCrisis={submit.data.isCrisis || isUrgent} />
  }

  const answer = (index: number, value: AnswerValue, byPointer: boolean) => {
    const item = asked[index]
    if (!item) return
    const next = { ...answers, [item.id]: value }
    setAnswers(next)
    saver.save(answersToSend(next))
    if (byPointer) setStep(index + 1)
  }
  const send = async () => {
    await saver.flush()
    submit.mutate(answersToSend(answers), {
      onError: (error) => {
        // The server names the first unanswered item: open it.
        const missing = isApiError(error) ? Object.keys(error.fieldErrors)[0] : undefined
        const index = asked.findIndex((item) => `items.${item.id}` === missing)
        if (index >= 0) setStep(index)
      },
    })
  }
  const itemErrors = isApiError(submit.error) ? submit.error.fieldErrors : {}
  const item = asked[step]
  return (
    <Stack gap="lg">
      {isUrgent && <SurveyCrisisNotice clinic={clinic} />}
      <Stack gap={4}>
        <Title order={1}>{survey.instrumentName}</Title>
        <Text>
          {reasonText(survey.reason)} · {dueText(survey.dueAt, Date.now())}
        </Text>
      </Stack>
      {item ? (
        <SurveyQuestion
          key={item.id}
          item={item}
          index={step}
          count={asked.length}
          stem={questionStem(instrument.id)}
          value={answers[item.id]}
          note={eitherOrPatientNote(instrument, item, isItemOptional(instrument, item.id, answers))}
          canSkip={canSkip(instrument, item, answers)}
          onAnswer={(value, byPointer) => answer(step, value, byPointer)}
          onBack={() => setStep(Math.max(0, step - 1))}
          onNext={() => setStep(step + 1)}
        />
      ) : (
        <SurveyReview
          instrument={instrument}
          items={asked}
          answers={answers}
          onChange={setStep}
          onSubmit={() => void send()}
          isSubmitting={submit.isPending}
          itemErrors={itemErrors}
        />
      )}
      {submit.isError && Object.keys(itemErrors).length === 0 && <PortalProblem error={submit.error} />}
      <Text size="sm" role="status" c={saveState === 'failed' ? 'red.9' : 'dark.6'} mih="1.5em">
        {saveMessages[saveState]}
      </Text>
    </Stack>
  )
}

/** One survey, one question per screen; answers are saved as they are given. */
export function SurveyPage() {
  const { id = '' } = useParams()
  const me = usePortalMe()
  const surveys = usePortalSurveys()
  // The survey as it was opened: after sending, the list no longer holds it, but the thank-you stays.
  const [opened, setOpened] = useState<PortalSurvey | null>(null)
  const found = surveys.data?.find((s) => s.id === id)
  if (!opened && found) setOpened(found)
  const survey = opened ?? found

  if (surveys.isPending || me.isPending) return <PortalLoader />
  if (surveys.isError) return <PortalProblem error={surveys.error} />
  if (me.isError) return <PortalProblem error={me.error} />
  if (!survey) {
    return (
      <Stack gap="md">
        <Title order={1}>This survey is already done</Title>
        <Text fz="lg">
          It has been sent, or it is not needed any more. Thank you.{' '}
          {me.data.scope === 'full' ? (
            <Anchor component={Link} to="/portal" underline="always">
              Back to my portal
            </Anchor>
          ) : (
            <Anchor component={Link} to="/portal/sign-in" underline="always">
              Sign in to see your other surveys
            </Anchor>
          )}
        </Text>
      </Stack>
    )
  }
  const instrument = findPatientInstrument(survey.instrumentId, survey.suicidalIdeation)
  if (!instrument) {
    return (
      <Alert color="red" variant="light" role="alert" title="This survey cannot be shown here">
        Please ask your clinic about it.
      </Alert>
    )
  }
  return (
    <SurveyRunner survey={survey} instrument={instrument} clinic={me.data.clinic} scope={me.data.scope} />
  )
}
