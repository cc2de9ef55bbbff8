import {
  Box,
  Button,
  Group,
  SegmentedControl,
  type SegmentedControlProps,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core'
import { builtInProtocols } from '../../../domain/dosing'
import type { AgeBand, BaselineSeverity, OutcomeRoute } from '../../api/outcomes'
import { DayRangeInputs } from '../day-range-inputs'

export interface OutcomeFilterValues {
  /** 'all': every clinic the user may read reports for, added up. */
  clinics: 'all' | ''
  route: OutcomeRoute | ''
  /** A built-in protocol id, or '' for all. */
  protocol: string
  ageBand: AgeBand | ''
  severity: BaselineSeverity | ''
  /** Calendar days, YYYY-MM-DD, in the clinic's time zone: first dose on or after / on or before. */
  from: string
  to: string
}

export const routeLabels: Record<OutcomeRoute, string> = {
  iv: 'IV ketamine',
  intranasal: 'Esketamine (intranasal)',
}
// The protocol a patient's first dose was given under; the treatment filter narrows the list.
const protocolOptions = builtInProtocols.map((p) => ({ value: p.id, label: p.name, route: p.route }))
export const protocolLabels: Record<string, string> = Object.fromEntries(
  protocolOptions.map((o) => [o.value, o.label]),
)

const ageBandOptions: { value: AgeBand; label: string }[] = [
  { value: 'under-30', label: 'Under 30' },
  { value: '30-49', label: '30–49' },
  { value: '50-64', label: '50–64' },
  { value: '65-plus', label: '65 and over' },
]
// Baseline PHQ-9 bands (clinical-reference §4).
const severityOptions: { value: BaselineSeverity; label: string }[] = [
  { value: 'moderate', label: 'Moderate (PHQ-9 10–14)' },
  { value: 'moderately-severe', label: 'Moderately severe (15–19)' },
  { value: 'severe', label: 'Severe (20–27)' },
]

export const ageBandLabels = Object.fromEntries(ageBandOptions.map((o) => [o.value, o.label])) as Record<
  AgeBand,
  string
>
export const severityLabels = Object.fromEntries(severityOptions.map((o) => [o.value, o.label])) as Record<
  BaselineSeverity,
  string
>

/** The choice filters, one select each; a protocol is offered only under its own treatment. */
const choiceFilters = [
  { key: 'protocol', label: 'Protocol', placeholder: 'All protocols', options: protocolOptions },
  { key: 'ageBand', label: 'Age band', placeholder: 'All ages', options: ageBandOptions },
  { key: 'severity', label: 'Baseline severity', placeholder: 'All severities', options: severityOptions },
] as const
const noFilters: OutcomeFilterValues = {
  clinics: '',
  route: '',
  protocol: '',
  ageBand: '',
  severity: '',
  from: '',
  to: '',
}

const isOneOf = <T extends string>(options: readonly { value: T }[], value: string | null): value is T =>
  options.some((o) => o.value === value)

/** Reads the filters from the query string, ignoring values the API would refuse. */
export function readOutcomeFilters(params: URLSearchParams): OutcomeFilterValues {
  const route = params.get('route')
  const ageBand = params.get('ageBand')
  const protocol = params.get('protocol')
  const clinics = params.get('clinics')
  const severity = params.get('severity')
  const day = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(key) ?? '') ? params.get(key)! : '')
  return {
    clinics: clinics === 'all' ? 'all' : '',
    route: route === 'iv' || route === 'intranasal' ? route : '',
    protocol: isOneOf(protocolOptions, protocol) ? protocol : '',
    ageBand: isOneOf(ageBandOptions, ageBand) ? ageBand : '',
    severity: isOneOf(severityOptions, severity) ? severity : '',
    from: day('from'),
    to: day('to'),
  }
}

/** Segmented choices under a label of their own (a segmented control has no label). */
function LabelledSegments({ id, label, ...control }: { id: string; label: string } & SegmentedControlProps) {
  return (
    <>
      <Text size="sm" fw={500} mb={4} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...control} />
    </>
  )
}

interface OutcomeFiltersProps {
  values: OutcomeFilterValues
  onChange: (changes: Partial<OutcomeFilterValues>) => void
  /** Clinics whose reports this user may read; the choice of clinics shows only with more than one. */
  readableClinics: number
}

/** The cohort: each change applies at once and lands in the URL, so a view can be shared. */
export function OutcomeFilters({ values, onChange, readableClinics }: OutcomeFiltersProps) {
  const hasAny = Object.values(values).some((v) => v !== '')
  return (
    <Stack gap="xs" component="form" aria-label="Cohort filters" onSubmit={(event) => event.preventDefault()}>
      <Group gap="sm" align="flex-end">
        {readableClinics > 1 && (
          <div>
            <LabelledSegments
              id="outcome-clinics-label"
              label="Clinics"
              value={values.clinics || 'this'}
              onChange={(value) => onChange({ clinics: value === 'all' ? 'all' : '' })}
              data={[
                { value: 'this', label: 'This clinic' },
                { value: 'all', label: `All my clinics (${readableClinics})` },
              ]}
            />
          </div>
        )}
        <Box maw="100%" style={{ overflowX: 'auto' }}>
          <LabelledSegments
            id="outcome-route-label"
            label="Treatment"
            value={values.route || 'all'}
            onChange={(value) => {
              const next = value === 'all' ? '' : (value as OutcomeRoute)
              const protocolRoute = protocolOptions.find((o) => o.value === values.protocol)?.route
              // A protocol of the other route would leave an empty cohort: drop it.
              onChange({
                route: next,
                ...(next && protocolRoute && protocolRoute !== next ? { protocol: '' } : {}),
              })
            }}
            data={[
              { value: 'all', label: 'All' },
              { value: 'iv', label: routeLabels.iv },
              { value: 'intranasal', label: routeLabels.intranasal },
            ]}
          />
        </Box>
        {hasAny && (
          <Button variant="subtle" onClick={() => onChange(noFilters)}>
            Clear filters
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        {choiceFilters.map(({ key, label, placeholder, options }) => (
          <Select
            key={key}
            label={label}
            placeholder={placeholder}
            data={options
              .filter((o) => !('route' in o) || !values.route || o.route === values.route)
              .map((o) => ({ value: o.value, label: o.label }))}
            value={values[key] || null}
            // The value is one of the key's own options (or '' when cleared), so it fits the key.
            onChange={(value) =>
              onChange({ [key]: isOneOf(options, value) ? value : '' } as Partial<OutcomeFilterValues>)
            }
            clearable
          />
        ))}
        <DayRangeInputs
          value={values}
          onChange={onChange}
          labels={{ from: 'First dose from', to: 'First dose to' }}
          reversedMessage="Must be on or after the start"
        />
      </SimpleGrid>
    </Stack>
  )
}
