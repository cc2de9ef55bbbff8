import { Badge, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { assessTrd, type TrdAssessment } from '../../../domain/eligibility'
import { type History, useHistory } from '../../api/history'
import { MarkInErrorButton, struckStyle } from '../../components/mark-in-error-button'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { adherenceLabels, drugClassLabels, outcomeLabels } from '../../lib/intake-labels'
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
      <Stack gap="sm">
        <Title order={2} size="h4">
          Antidepressant trials
        </Title>
        {history.trials.length === 0 ? (
          <Text size="sm" c="dimmed">
            No trials recorded.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" aria-label="Antidepressant trials">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Drug</Table.Th>
                  <Table.Th>Max dose</Table.Th>
                  <Table.Th>Adequate dose</Table.Th>
                  <Table.Th>Weeks</Table.Th>
                  <Table.Th>Adherence</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Counts as</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.trials.map((trial) => {
                  const review = trial.enteredInError ? undefined : reviewOf(trial.id)
                  return (
                    <Table.Tr key={trial.id} style={trial.enteredInError ? struckStyle : undefined}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {trial.drug}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {drugClassLabels[trial.drugClass]}
                          {trial.augmentation ? ' · augmented' : ''}
                          {trial.isCurrentEpisode ? '' : ' · earlier episode'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {trial.maxDailyDoseMg === null ? '—' : `${trial.maxDailyDoseMg} mg`}
                      </Table.Td>
                      <Table.Td>{trial.doseAdequate ? 'Yes' : 'No'}</Table.Td>
                      <Table.Td>{trial.weeks}</Table.Td>
                      <Table.Td>{adherenceLabels[trial.adherence]}</Table.Td>
                      <Table.Td>{outcomeLabels[trial.outcome]}</Table.Td>
                      <Table.Td>
                        {trial.enteredInError ? (
                          <Text size="xs">Entered in error: {trial.enteredInError.reason}</Text>
                        ) : review ? (
                          <Tooltip label={review.reasons.join(' ')} multiline w={320}>
                            <Badge
                              variant="light"
                              color={review.isFailedAdequate ? 'red' : review.isAdequate ? 'blue' : 'gray'}
                              style={{ minWidth: 'max-content' }}
                            >
                              {review.isFailedAdequate
                                ? 'Failed adequate'
                                : review.isAdequate
                                  ? 'Adequate'
                                  : 'Not adequate'}
                            </Badge>
                          </Tooltip>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {canWriteClinical && !trial.enteredInError && (
                          <MarkInErrorButton
                            clinicId={clinicId}
                            patientId={patientId}
                            collection="trials"
                            entryId={trial.id}
                            description={`${trial.drug} trial`}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWriteClinical && <TrialForm clinicId={clinicId} patientId={patientId} />}
      </Stack>
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
