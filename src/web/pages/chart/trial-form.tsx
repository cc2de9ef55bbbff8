import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import type { Adherence, DrugClass, TrialOutcome } from '../../../domain/eligibility'
import { useAddTrial } from '../../api/history'
import { ClinicalCard } from '../../components/clinical-card'
import { FieldGroup } from '../../components/field-group'
import { fieldError, MutationError } from '../../components/mutation-error'
import { adherenceLabels, drugClassLabels, optionsOf, outcomeLabels } from '../../lib/intake-labels'

interface TrialDraft {
  drug: string
  drugClass: DrugClass | null
  maxDailyDoseMg: number | string
  doseAdequate: 'yes' | 'no' | null
  weeks: number | string
  adherence: Adherence | null
  outcome: TrialOutcome | null
  augmentation: boolean
  isCurrentEpisode: boolean
}

const emptyTrial: TrialDraft = {
  drug: '',
  drugClass: null,
  maxDailyDoseMg: '',
  doseAdequate: null,
  weeks: '',
  adherence: null,
  outcome: null,
  augmentation: false,
  isCurrentEpisode: true,
}

/** Adds one antidepressant trial; the TRD result updates from the server's reply. */
export function TrialForm({ clinicId, patientId }: { clinicId: string; patientId: string }) {
  const [draft, setDraft] = useState<TrialDraft>(emptyTrial)
  const [hint, setHint] = useState<string | null>(null)
  const add = useAddTrial(clinicId, patientId)
  const set = (change: Partial<TrialDraft>) => setDraft({ ...draft, ...change })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const { drugClass, doseAdequate, adherence, outcome } = draft
    if (!drugClass || !doseAdequate || !adherence || !outcome || draft.weeks === '') {
      setHint('Answer class, adequate dose, weeks, adherence and outcome.')
      return
    }
    setHint(null)
    add.mutate(
      {
        drug: draft.drug.trim(),
        drugClass,
        maxDailyDoseMg: draft.maxDailyDoseMg === '' ? null : Number(draft.maxDailyDoseMg),
        doseAdequate: doseAdequate === 'yes',
        weeks: Number(draft.weeks),
        adherence,
        outcome,
        augmentation: draft.augmentation,
        isCurrentEpisode: draft.isCurrentEpisode,
      },
      { onSuccess: () => setDraft(emptyTrial) },
    )
  }

  return (
    <ClinicalCard
      label="Add antidepressant trial"
      title="Add a trial"
      titleSize="h5"
      gap="md"
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <TextInput
          label="Drug"
          value={draft.drug}
          onChange={(event) => set({ drug: event.currentTarget.value })}
          error={fieldError(add.error, 'drug')}
          required
          withAsterisk={false}
        />
        <Select
          label="Class"
          data={optionsOf(drugClassLabels)}
          value={draft.drugClass}
          onChange={(value) => set({ drugClass: value as DrugClass | null })}
          error={fieldError(add.error, 'drugClass')}
          allowDeselect={false}
        />
        <NumberInput
          label="Max daily dose (mg)"
          value={draft.maxDailyDoseMg}
          onChange={(value) => set({ maxDailyDoseMg: value })}
          error={fieldError(add.error, 'maxDailyDoseMg')}
          min={0}
        />
        <NumberInput
          label="Weeks at that dose"
          value={draft.weeks}
          onChange={(value) => set({ weeks: value })}
          error={fieldError(add.error, 'weeks')}
          min={0}
          max={520}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <FieldGroup label="Adequate dose" error={fieldError(add.error, 'doseAdequate')}>
          <SegmentedControl
            data={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            value={draft.doseAdequate ?? ''}
            onChange={(value) => set({ doseAdequate: value as 'yes' | 'no' })}
            fullWidth
          />
        </FieldGroup>
        <FieldGroup label="Adherence" error={fieldError(add.error, 'adherence')}>
          <SegmentedControl
            data={optionsOf(adherenceLabels)}
            value={draft.adherence ?? ''}
            onChange={(value) => set({ adherence: value as Adherence })}
            fullWidth
          />
        </FieldGroup>
        <Select
          label="Outcome"
          data={optionsOf(outcomeLabels)}
          value={draft.outcome}
          onChange={(value) => set({ outcome: value as TrialOutcome | null })}
          error={fieldError(add.error, 'outcome')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox
          label="Augmentation added"
          checked={draft.augmentation}
          onChange={(event) => set({ augmentation: event.currentTarget.checked })}
          size="md"
        />
        <Checkbox
          label="In the current episode"
          checked={draft.isCurrentEpisode}
          onChange={(event) => set({ isCurrentEpisode: event.currentTarget.checked })}
          size="md"
        />
      </Group>
      {hint && (
        <Text size="sm" c="red" role="alert">
          {hint}
        </Text>
      )}
      <MutationError
        error={add.error}
        placedFields={[
          'drug',
          'drugClass',
          'maxDailyDoseMg',
          'weeks',
          'doseAdequate',
          'adherence',
          'outcome',
        ]}
      />
      <Group justify="flex-end">
        <Button type="submit" loading={add.isPending}>
          Add trial
        </Button>
      </Group>
    </ClinicalCard>
  )
}
