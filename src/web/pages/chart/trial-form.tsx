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
import { useClinicalForm } from '../../components/clinical-form'
import { FieldGroup } from '../../components/field-group'
import { fieldError, MutationError } from '../../components/mutation-error'
import { adherenceLabels, drugClassLabels, optionsOf, outcomeLabels } from '../../lib/intake-labels'

type TrialDraft = {
  drug: string
  drugClass: DrugClass | null
  maxDailyDoseMg: number | string
  doseAdequate: 'yes' | 'no' | ''
  weeks: number | string
  adherence: Adherence | ''
  outcome: TrialOutcome | null
  augmentation: boolean
  isCurrentEpisode: boolean
}

const emptyTrial: TrialDraft = {
  drug: '',
  drugClass: null,
  maxDailyDoseMg: '',
  doseAdequate: '',
  weeks: '',
  adherence: '',
  outcome: null,
  augmentation: false,
  isCurrentEpisode: true,
}

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

/** Adds one antidepressant trial; the TRD result updates from the server's reply. */
export function TrialForm({ clinicId, patientId }: { clinicId: string; patientId: string }) {
  const [hint, setHint] = useState<string | null>(null)
  const add = useAddTrial(clinicId, patientId)
  const { form, values: draft, field, checkbox } = useClinicalForm(emptyTrial, add.error)

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
      { onSuccess: () => form.reset() },
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
        <TextInput label="Drug" {...field('drug')} required withAsterisk={false} />
        <Select
          label="Class"
          data={optionsOf(drugClassLabels)}
          {...field('drugClass')}
          allowDeselect={false}
        />
        <NumberInput label="Max daily dose (mg)" {...field('maxDailyDoseMg')} min={0} />
        <NumberInput label="Weeks at that dose" {...field('weeks')} min={0} max={520} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <FieldGroup label="Adequate dose" error={fieldError(add.error, 'doseAdequate')}>
          <SegmentedControl data={yesNo} {...form.getInputProps('doseAdequate')} fullWidth />
        </FieldGroup>
        <FieldGroup label="Adherence" error={fieldError(add.error, 'adherence')}>
          <SegmentedControl
            data={optionsOf(adherenceLabels)}
            {...form.getInputProps('adherence')}
            fullWidth
          />
        </FieldGroup>
        <Select label="Outcome" data={optionsOf(outcomeLabels)} {...field('outcome')} allowDeselect={false} />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox label="Augmentation added" {...checkbox('augmentation')} size="md" />
        <Checkbox label="In the current episode" {...checkbox('isCurrentEpisode')} size="md" />
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
