import { Badge, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import type { CatalogueParameter, CatalogueRule, SettingPath } from '../../../domain/rules'
import { settingParameters } from '../../../domain/rules'

export type DraftValue = number | boolean | string

const markBadge = {
  '✅': { label: 'Verified source', color: 'teal' },
  '🔶': { label: 'Secondary source', color: 'blue' },
  '⚠️': { label: 'Unverified', color: 'orange' },
} as const

// Badges keep their whole word; the title wraps instead.
const noShrink = { flexShrink: 0, minWidth: 'max-content' }

const show = (value: number | boolean, unit: string) =>
  typeof value === 'boolean' ? (value ? 'yes' : 'no') : `${value}${unit ? ` ${unit}` : ''}`

interface RuleCardProps {
  rule: CatalogueRule
  draft: Partial<Record<SettingPath, DraftValue>>
  onChange: (field: SettingPath, value: DraftValue) => void
  errorOf: (field: string) => string | undefined
}

/** One rule of the catalogue: its source and mark, and its settings as inputs with their defaults. */
export function RuleCard({ rule, draft, onChange, errorOf }: RuleCardProps) {
  const mark = markBadge[rule.mark]
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={`rule-${rule.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600} id={`rule-${rule.id}`}>
              {rule.title}
            </Text>
            <Text size="xs" c="dimmed">
              <Text span ff="monospace" size="xs">
                {rule.id}
              </Text>{' '}
              · clinical reference {rule.source.section}
              {rule.source.publication ? ` · ${rule.source.publication}` : ''}
            </Text>
          </Stack>
          <Group gap={6} wrap="nowrap" style={noShrink}>
            {rule.isUnverifiedDefault ? (
              <Badge color="orange" variant="light" style={noShrink}>
                Unverified default
              </Badge>
            ) : (
              <Badge color={mark.color} variant="light" style={noShrink}>
                {mark.label}
              </Badge>
            )}
            {rule.kind === 'fixed' && (
              <Badge color="gray" variant="outline" style={noShrink}>
                Fixed
              </Badge>
            )}
          </Group>
        </Group>
        {rule.fixed && (
          <Text size="sm">
            Applied as: <strong>{rule.fixed.value}</strong>
            {rule.fixed.unit ? ` (${rule.fixed.unit})` : ''} — not a clinic setting.
          </Text>
        )}
        {rule.parameters.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {rule.parameters.map((p) => (
              <ParameterInput
                key={p.field}
                parameter={p}
                value={draft[p.field] ?? p.currentValue}
                onChange={(value) => onChange(p.field, value)}
                error={errorOf(p.field)}
                isUnverified={rule.isUnverifiedDefault}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  )
}

function ParameterInput(props: {
  parameter: CatalogueParameter
  value: DraftValue
  onChange: (value: DraftValue) => void
  error: string | undefined
  isUnverified: boolean
}) {
  const { parameter: p, value, onChange, error, isUnverified } = props
  const spec = settingParameters[p.field]
  const description = `${isUnverified ? 'Unverified default' : 'Default'}: ${show(p.defaultValue, p.unit)}`
  if (spec.kind === 'boolean') {
    return (
      <Switch
        label={p.label}
        description={description}
        checked={value === true}
        onChange={(event) => onChange(event.currentTarget.checked)}
        error={error}
      />
    )
  }
  return (
    <NumberInput
      label={`${p.label} (${p.unit})`}
      description={description}
      value={typeof value === 'boolean' ? '' : value}
      onChange={onChange}
      min={spec.min}
      max={spec.max}
      step={spec.isInteger ? 1 : 0.05}
      decimalScale={spec.isInteger ? 0 : 2}
      clampBehavior="none"
      error={error}
      data-field={p.field}
    />
  )
}
