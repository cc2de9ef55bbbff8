import '@mantine/charts/styles.layer.css'
import { LineChart } from '@mantine/charts'
import { Alert, Box, Group, Paper, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { inputLimits } from '../../../domain/dosing'
import { DomainValidationError } from '../../../domain/errors'
import { effectBandsNgPerMl } from '../../../domain/pharmacology'
import { simulateForVisitor, visitorPkUntilMin as untilMin } from '../../lib/visitor-pk'

const bandColors: Record<string, string> = { analgesia: 'blue', dissociation: 'grape', anaesthesia: 'red' }
// The bands are what studies linked with blood levels (Zanos 2018, §5), not targets: the labels say so.
const bandLabels: Record<string, string> = {
  analgesia: 'Studies: pain relief',
  dissociation: 'Studies: feeling far away',
  anaesthesia: 'Studies: surgery sleep',
}
// The sliders stay inside the domain's input limits (issue 12) and the studied range (§2).
const doseRange = { min: 0.1, max: Math.min(1, inputLimits.doseMgPerKg.max) }
const lengthRange = {
  min: Math.max(10, inputLimits.infusionMin.min),
  max: Math.min(100, inputLimits.infusionMin.max),
}

function simulateOrExplain(doseMgPerKg: number, infusionMin: number) {
  try {
    return simulateForVisitor(doseMgPerKg, infusionMin)
  } catch (error) {
    if (error instanceof DomainValidationError) return error
    throw error
  }
}

/** One of the model's inputs: its value in words above a slider with a few marked values. */
function ModelSlider({
  id,
  label,
  thumbLabel,
  value,
  onChange,
  range,
  step,
  format,
  marks,
}: {
  id: string
  label: string
  thumbLabel: string
  value: number
  onChange: (value: number) => void
  range: { min: number; max: number }
  step: number
  format: (value: number) => string
  marks: { value: number; label: string }[]
}) {
  return (
    <Box>
      <Text id={id} fw={500} size="sm">
        {label}
      </Text>
      <Slider
        aria-labelledby={id}
        thumbLabel={thumbLabel}
        value={value}
        onChange={onChange}
        min={range.min}
        max={range.max}
        step={step}
        label={format}
        marks={marks}
        mb="lg"
      />
    </Box>
  )
}

export function PkExplorer() {
  const [doseMgPerKg, setDose] = useState(0.5)
  const [infusionMin, setInfusionMin] = useState(40)
  const simulated = useMemo(() => simulateOrExplain(doseMgPerKg, infusionMin), [doseMgPerKg, infusionMin])
  if (simulated instanceof DomainValidationError)
    return (
      <Alert color="red" variant="light" title="The model cannot be run for these values" role="alert">
        {simulated.field === 'doseMgPerKg' ? 'Dose' : 'Drip time'} {simulated.reason}.
      </Alert>
    )
  const result = simulated
  const yMax = Math.max(300, Math.ceil((result.peakNgPerMl * 1.15) / 50) * 50)

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pk-explorer-title">
      <Stack gap="md">
        <Title order={3} id="pk-explorer-title">
          Try it: a computer model of ketamine in the blood
        </Title>
        <Alert color="violet" variant="light" title="A model to learn from, not a dose for you">
          <Text size="sm">
            This is not advice about your dose. Your prescriber picks your dose and watches how you do. The
            curve comes from a published math model of how ketamine moves through the body and leaves it (the
            Domino model). Real levels are different in each person, and no one measures them during
            treatment. The "receptor block" line is a rough picture from lab tests. It cannot be measured in a
            person.
          </Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <ModelSlider
            id="pk-dose-label"
            label={`Dose in the model: ${doseMgPerKg.toFixed(2)} mg per kg of body weight`}
            thumbLabel="Dose in the model, in mg per kg"
            value={doseMgPerKg}
            onChange={setDose}
            range={doseRange}
            step={0.05}
            format={(v) => `${v.toFixed(2)} mg/kg`}
            marks={[
              { value: 0.1, label: '0.1' },
              { value: 0.5, label: '0.5' },
              { value: 1, label: '1.0' },
            ]}
          />
          <ModelSlider
            id="pk-length-label"
            label={`Drip time in the model: ${infusionMin} minutes`}
            thumbLabel="Drip time in the model, in minutes"
            value={infusionMin}
            onChange={setInfusionMin}
            range={lengthRange}
            step={5}
            format={(v) => `${v} min`}
            marks={[
              { value: 10, label: '10' },
              { value: 40, label: '40' },
              { value: 100, label: '100' },
            ]}
          />
        </SimpleGrid>
        <Text size="sm" aria-live="polite" data-testid="pk-summary">
          For {doseMgPerKg.toFixed(2)} mg/kg over {infusionMin} minutes, the model's highest blood level is
          about <strong>{Math.round(result.peakNgPerMl)} ng/mL</strong>, when the drip ends. Its rough
          receptor block is then about <strong>{Math.round(result.peakBlock * 100)} %</strong>. Two hours
          after the start, the model shows about {Math.round(result.at2hNgPerMl)} ng/mL.
        </Text>
        <Box
          data-testid="pk-chart"
          role="img"
          aria-label="Chart of the model's blood level and receptor block over four hours"
        >
          <LineChart
            h={280}
            data={result.points}
            dataKey="t"
            withLegend
            withDots={false}
            curveType="monotone"
            xAxisLabel="minutes from the start of the drip"
            yAxisLabel="ng/mL (model)"
            rightYAxisLabel="% block (illustrative)"
            withRightYAxis
            xAxisProps={{ type: 'number', domain: [0, untilMin], ticks: [0, 40, 60, 120, 180, 240] }}
            yAxisProps={{ domain: [0, yMax] }}
            rightYAxisProps={{ domain: [0, 100] }}
            series={[
              { name: 'plasma', label: 'Blood level (model)', color: 'teal.8' },
              {
                name: 'block',
                label: 'Receptor block (rough picture)',
                color: 'violet.6',
                yAxisId: 'right',
                strokeDasharray: '6 4',
              },
            ]}
            referenceAreas={effectBandsNgPerMl
              .filter((b) => b.fromNgPerMl < yMax)
              .map((b) => ({
                y1: b.fromNgPerMl,
                y2: Math.min(b.toNgPerMl, yMax),
                color: bandColors[b.id] ?? 'gray',
                label: bandLabels[b.id] ?? b.label,
                labelPosition: 'insideTopRight' as const,
                fillOpacity: 0.08,
              }))}
            valueFormatter={(v) => String(v)}
          />
        </Box>
        <Group gap="xs">
          <Text size="xs" c="dark.6">
            The shaded bands are not goals. They show blood levels that studies have linked with pain relief
            (70 to 160 ng/mL) and with feeling far away (100 to 250 ng/mL). Sleep for surgery needs much
            higher levels (1,200 to 2,400 ng/mL). Source: Zanos and others, Pharmacological Reviews, 2018. The
            usual dose for depression is 0.5 mg/kg over 40 minutes. Studies have used 0.1 to 0.75 mg/kg. A
            dose of 1.0 mg/kg worked no better and caused more side effects.
          </Text>
        </Group>
      </Stack>
    </Paper>
  )
}
