import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import {
  buildRuleCatalogue,
  type ClinicRuleSettings,
  nestSettings,
  type RuleCategory,
  readSetting,
  ruleCategories,
  type SettingPath,
} from '../../../domain/rules'
import { isApiError } from '../../api/client'
import { type ClinicSettings, useClinicSettings, useSaveClinicSettings } from '../../api/settings'
import { ClinicPhoneCard } from '../../components/clinic-phone-card'
import { useCurrentClinic } from '../../components/current-clinic'
import { fieldError, MutationError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { type DraftValue, RuleCard } from './rule-card'

const categoryTitles: Record<RuleCategory, string> = {
  instruments: 'Rating scales',
  vitals: 'Vital signs during a session',
  dosing: 'Dosing',
  discharge: 'Discharge',
  spacing: 'Booking',
  rems: 'Esketamine REMS',
  staging: 'TRD definition and staging',
  outcomes: 'Outcome summaries',
  ledger: 'Controlled-substance ledger',
}

type Draft = Partial<Record<SettingPath, DraftValue>>

/** The changed fields as the nested body the API takes (`{ vitals: { spo2BelowPercent: 90 } }`). */
function toPatch(draft: Draft, saved: ClinicRuleSettings): Record<string, unknown> {
  return nestSettings(
    (Object.entries(draft) as [SettingPath, DraftValue][]).filter(
      ([field, value]) => value !== readSetting(saved, field),
    ),
  )
}

export function SettingsPage() {
  const clinicId = useCurrentClinic().membership.clinicId
  const settings = useClinicSettings(clinicId)
  if (settings.isPending) return <PageLoader />
  if (settings.isError) return <ErrorAlert error={settings.error} title="Could not load the settings" />
  return (
    <Stack gap="xl">
      <SettingsForm clinicId={clinicId} settings={settings.data} onReload={() => void settings.refetch()} />
      <ClinicPhoneCard clinicId={clinicId} />
    </Stack>
  )
}

function SettingsForm(props: { clinicId: string; settings: ClinicSettings; onReload: () => void }) {
  const { clinicId, settings, onReload } = props
  const [draft, setDraft] = useState<Draft>({})
  const [savedCount, setSavedCount] = useState<number | null>(null)
  const save = useSaveClinicSettings(clinicId)
  const catalogue = useMemo(() => buildRuleCatalogue(settings.values), [settings.values])
  const patch = toPatch(draft, settings.values)
  const changed = Object.keys(draft).filter(
    (field) => draft[field as SettingPath] !== readSetting(settings.values, field as SettingPath),
  )

  const submit = () =>
    save.mutate(
      { version: settings.version, ...patch },
      {
        onSuccess: () => {
          setSavedCount(changed.length)
          setDraft({})
        },
      },
    )
  const actions = (
    <Group gap="sm">
      <Button onClick={submit} disabled={changed.length === 0} loading={save.isPending}>
        {changed.length === 0
          ? 'Save changes'
          : `Save ${changed.length} change${changed.length === 1 ? '' : 's'}`}
      </Button>
      <Button variant="default" disabled={changed.length === 0} onClick={() => setDraft({})}>
        Discard
      </Button>
    </Group>
  )

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Clinical settings and rules
        </Title>
        {actions}
      </Group>
      <Text maw={820}>
        Every clinical rule KetaCare applies, with its source in the clinical reference. Settings take effect
        at once in chair-side alerts, pre-checks, discharge, dosing, booking and the outcome summaries, and
        every change is recorded in the audit log with its old and new value. An{' '}
        <strong>unverified default</strong> is a widely cited value the reference could not confirm in a
        primary source: review it for your clinic.
      </Text>
      {savedCount !== null && changed.length === 0 && !save.isError && (
        <Alert color="teal" variant="light" role="status" title="Saved">
          {savedCount} setting{savedCount === 1 ? '' : 's'} changed (version {settings.version}).
        </Alert>
      )}
      <MutationError
        mutation={save}
        placedFields={changed}
        onReload={() => {
          setDraft({})
          onReload()
        }}
      />
      {ruleCategories.map((category) => {
        const rules = catalogue.filter((r) => r.category === category)
        if (rules.length === 0) return null
        return (
          <Stack key={category} gap="sm" component="section" aria-labelledby={`category-${category}`}>
            <Title order={2} size="h3" id={`category-${category}`}>
              {categoryTitles[category]}
            </Title>
            {rules.map((rule) => (
              <RuleCard
                key={rule.id}
                rule={rule}
                draft={draft}
                onChange={(field, value) => {
                  setSavedCount(null)
                  setDraft((d) => ({ ...d, [field]: value }))
                }}
                errorOf={(field) => (isApiError(save.error) ? fieldError(save.error, field) : undefined)}
              />
            ))}
          </Stack>
        )
      })}
      <Group justify="flex-end">{actions}</Group>
    </Stack>
  )
}
