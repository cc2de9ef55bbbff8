import { LineChart } from '@mantine/charts'
import { Alert, Box, Group, Paper, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { inputLimits } from '../../../domain/dosing'
import { DomainValidationError } from '../../../domain/errors'
import { effectBandsNgPerMl } from '../../../domain/pharmacology'
import { simulateForVisitor, visitorPkUntilMin as untilMin } from '../../lib/visitor-pk'

const bandColors: Record<string, string> = { analgesia: 'blue', dissociation: 'grape', anaesthesia: 'red' }
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

export function PkExplorer() {
  const [doseMgPerKg, setDose] = useState(0.5)
  const [infusionMin, setInfusionMin] = useState(40)
  const simulated = useMemo(() => simulateOrExplain(doseMgPerKg, infusionMin), [doseMgPerKg, infusionMin])
  if (simulated instanceof DomainValidationError)
    return (
      <Alert color="red" variant="light" title="The model cannot be run for these values" role="alert">
        {simulated.field === 'doseMgPerKg' ? 'Dose' : 'Infusion length'} {simulated.reason}.
      </Alert>
    )
  const result = simulated
  const yMax = Math.max(300, Math.ceil((result.peakNgPerMl * 1.15) / 50) * 50)

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pk-explorer-title">
      <Stack gap="md">
        <Title order={3} id="pk-explorer-title">
          Try it: what a model predicts after an infusion
        </Title>
        <Alert color="violet" variant="light" title="A computer model, not a measurement">
          <Text size="sm">
            The curve comes from a published mathematical model of how ketamine spreads through and leaves the
            body (the Domino model). Real levels differ from person to person, and nobody measures them during
            treatment. The receptor-block figure is a rough illustration from laboratory binding data, not
            something that can be measured in a person.
          </Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Box>
            <Text id="pk-dose-label" fw={500} size="sm">
              Dose: {doseMgPerKg.toFixed(2)} mg per kg of body weight
            </Text>
            <Slider
              aria-labelledby="pk-dose-label"
              thumbLabel="Dose in mg per kg"
              value={doseMgPerKg}
              onChange={setDose}
              min={doseRange.min}
              max={doseRange.max}
              step={0.05}
              label={(v) => `${v.toFixed(2)} mg/kg`}
              marks={[
                { value: 0.1, label: '0.1' },
                { value: 0.5, label: '0.5' },
                { value: 1, label: '1.0' },
              ]}
              mb="lg"
            />
          </Box>
          <Box>
            <Text id="pk-length-label" fw={500} size="sm">
              Infusion length: {infusionMin} minutes
            </Text>
            <Slider
              aria-labelledby="pk-length-label"
              thumbLabel="Infusion length in minutes"
              value={infusionMin}
              onChange={setInfusionMin}
              min={lengthRange.min}
              max={lengthRange.max}
              step={5}
              label={(v) => `${v} min`}
              marks={[
                { value: 10, label: '10' },
                { value: 40, label: '40' },
                { value: 100, label: '100' },
              ]}
              mb="lg"
            />
          </Box>
        </SimpleGrid>
        <Text size="sm" aria-live="polite" data-testid="pk-summary">
          For {doseMgPerKg.toFixed(2)} mg/kg over {infusionMin} minutes the model predicts a highest blood
          level of about <strong>{Math.round(result.peakNgPerMl)} ng/mL</strong> at the end of the infusion,
          and an illustrative NMDA receptor block of about{' '}
          <strong>{Math.round(result.peakBlock * 100)} %</strong> at that moment. Two hours after the start it
          predicts about {Math.round(result.at2hNgPerMl)} ng/mL.
        </Text>
        <Box
          data-testid="pk-chart"
          role="img"
          aria-label="Chart of the predicted blood level and receptor block over four hours"
        >
          <LineChart
            h={280}
            data={result.points}
            dataKey="t"
            withLegend
            withDots={false}
            curveType="monotone"
            xAxisLabel="minutes from the start of the infusion"
            yAxisLabel="ng/mL (model)"
            rightYAxisLabel="% block (illustrative)"
            withRightYAxis
            xAxisProps={{ type: 'number', domain: [0, untilMin], ticks: [0, 40, 60, 120, 180, 240] }}
            yAxisProps={{ domain: [0, yMax] }}
            rightYAxisProps={{ domain: [0, 100] }}
            series={[
              { name: 'plasma', label: 'Predicted blood level', color: 'teal.8' },
              {
                name: 'block',
                label: 'Illustrative NMDA block',
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
                label: b.label,
                labelPosition: 'insideTopRight' as const,
                fillOpacity: 0.08,
              }))}
            valueFormatter={(v) => String(v)}
          />
        </Box>
        <Group gap="xs">
          <Text size="xs" c="dark.6">
            Shaded bands: blood levels that studies have linked with pain relief (70–160 ng/mL) and with
            dissociation (100–250 ng/mL); anaesthesia for surgery needs far higher levels (1,200–2,400 ng/mL)
            (Zanos et al., Pharmacological Reviews 2018). The usual depression dose is 0.5 mg/kg over 40
            minutes; studies have used 0.1–0.75 mg/kg, and 1.0 mg/kg worked no better but caused more side
            effects.
          </Text>
        </Group>
      </Stack>
    </Paper>
  )
}
