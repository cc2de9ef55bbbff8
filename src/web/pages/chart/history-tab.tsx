import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { assessTrd, type TrdAssessment } from '../../../domain/eligibility'
import { type History, useHistory } from '../../api/history'
import type { Column } from '../../components/data-table'
import { markInErrorColumn } from '../../components/mark-in-error-button'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { adherenceLabels, drugClassLabels, outcomeLabels } from '../../lib/intake-labels'
import { ChartRecordTable } from './chart-record-table'
import type { ChartTabProps } from './chart-tab-props'
import { type ScreeningDraft, ScreeningForm } from './screening-form'
import { TrdSummary } from './trd-summary'
import { TrialForm } from './trial-form'

function draftOf(history: History): ScreeningDraft {
  const s = history.screening
  return {
    answers: { ...s.contraindicationAnswers },
    episodeDurationMonths: s.episodeDurationMonths ?? '',
    severity: s.severity,
    ect: { ...s.ect },
  }
}

/** The TRD result for the answers on screen, computed in the browser with the domain's assessTrd. */
function liveTrd(history: History, draft: ScreeningDraft): TrdAssessment | null {
  if (draft.episodeDurationMonths === '' || draft.severity === null) return null
  try {
    return assessTrd(
      {
        trials: history.trials.filter((t) => !t.enteredInError),
        ect: draft.ect,
        episodeDurationMonths: Number(draft.episodeDurationMonths),
        severity: draft.severity,
      },
      history.trdSettings,
    )
  } catch {
    return null
  }
}

type Trial = History['trials'][number]
type TrialReview = TrdAssessment['trialReviews'][number]

function ReviewBadge({ review }: { review: TrialReview }) {
  return (
    <Tooltip label={review.reasons.join(' ')} multiline w={320}>
      <Badge
        variant="light"
        color={review.isFailedAdequate ? 'red' : review.isAdequate ? 'blue' : 'gray'}
        style={{ minWidth: 'max-content' }}
      >
        {review.isFailedAdequate ? 'Failed adequate' : review.isAdequate ? 'Adequate' : 'Not adequate'}
      </Badge>
    </Tooltip>
  )
}

function trialColumns(
  { clinicId, patientId, canWriteClinical }: ChartTabProps,
  reviewOf: (trial: Trial) => TrialReview | undefined,
): Column<Trial>[] {
  return [
    {
      header: 'Drug',
      cell: (trial) => (
        <>
          <Text size="sm" fw={500}>
            {trial.drug}
          </Text>
          <Text size="xs" c="dimmed">
            {drugClassLabels[trial.drugClass]}
            {trial.augmentation ? ' · augmented' : ''}
            {trial.isCurrentEpisode ? '' : ' · earlier episode'}
          </Text>
        </>
      ),
    },
    {
      header: 'Max dose',
      cell: (trial) => (trial.maxDailyDoseMg === null ? '—' : `${trial.maxDailyDoseMg} mg`),
    },
    { header: 'Adequate dose', cell: (trial) => (trial.doseAdequate ? 'Yes' : 'No') },
    { header: 'Weeks', cell: (trial) => trial.weeks },
    { header: 'Adherence', cell: (trial) => adherenceLabels[trial.adherence] },
    { header: 'Outcome', cell: (trial) => outcomeLabels[trial.outcome] },
    {
      header: 'Counts as',
      cell: (trial) => {
        if (trial.enteredInError)
          return <Text size="xs">Entered in error: {trial.enteredInError.reason}</Text>
        const review = reviewOf(trial)
        return review ? <ReviewBadge review={review} /> : '—'
      },
    },
    markInErrorColumn({
      clinicId,
      patientId,
      canWrite: canWriteClinical,
      collection: 'trials',
      entryDescription: (trial) => `${trial.drug} trial`,
      showsReason: false,
    }),
  ]
}

function HistoryEditor({
  history,
  props,
  onReload,
}: {
  history: History
  props: ChartTabProps
  onReload: () => void
}) {
  const { clinicId, patientId, canWriteClinical } = props
  const [draft, setDraft] = useState(() => draftOf(history))
  const saved = history.screening
  const isEdited =
    draft.episodeDurationMonths !== (saved.episodeDurationMonths ?? '') ||
    draft.severity !== saved.severity ||
    JSON.stringify(draft.ect) !== JSON.stringify(saved.ect)
  const trd = isEdited ? liveTrd(history, draft) : history.trd
  const activeTrials = history.trials.filter((t) => !t.enteredInError)
  const reviewOf = (trialId: string) => trd?.trialReviews[activeTrials.findIndex((t) => t.id === trialId)]

  return (
    <Stack gap="lg">
      <TrdSummary trd={trd} missing={history.trdMissing} isLive={isEdited && trd !== null} />
      <ChartRecordTable
        title="Antidepressant trials"
        emptyText="No trials recorded."
        minWidth={820}
        rows={history.trials}
        columns={trialColumns(props, (trial) => (trial.enteredInError ? undefined : reviewOf(trial.id)))}
        footer={canWriteClinical && <TrialForm clinicId={clinicId} patientId={patientId} />}
      />
      <ScreeningForm
        clinicId={clinicId}
        patientId={patientId}
        draft={draft}
        onChange={setDraft}
        version={saved.version}
        canWrite={canWriteClinical}
        onReload={onReload}
      />
      {history.contraindications && (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Screen result:
          </Text>
          {history.contraindications.hasAbsolute && <Badge color="red">Absolute contraindication</Badge>}
          {history.contraindications.hasRelative && <Badge color="orange">Relative contraindications</Badge>}
          {history.contraindications.cautions.length > 0 && (
            <Badge color="grape">Pre-dose cautions to acknowledge</Badge>
          )}
          {history.contraindications.findings.length === 0 && <Badge color="teal">None found</Badge>}
        </Group>
      )}
    </Stack>
  )
}

export function HistoryTab(props: ChartTabProps) {
  const history = useHistory(props.clinicId, props.patientId)
  if (history.isPending) return <PageLoader />
  if (history.isError) return <ErrorAlert error={history.error} title="Could not load the history" />
  return (
    <HistoryEditor
      key={history.data.screening.version}
      history={history.data}
      props={props}
      onReload={() => void history.refetch()}
    />
  )
}
