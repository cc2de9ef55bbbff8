import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import type { IvDose } from '../../../domain/dosing'

const kg = (x: number) => `${Number(x.toFixed(1))} kg`
const mg = (x: number) => `${Number(x.toFixed(1))} mg`
const perKg = (x: number) => `${Number(x.toFixed(2))} mg/kg`

/**
 * An IV dose as a prescriber checks it (clinical-reference §2): the dosing weight (capped at
 * actual weight), the dose, and the titration ceiling judged per kg of ACTUAL weight, in mg and
 * mg/kg, with the limits that need a signed override.
 */
export function IvDosePreview({ dose, atLabel }: { dose: IvDose; atLabel: string }) {
  return (
    <Paper bg={dose.limitsExceeded.length ? 'red.0' : 'teal.0'} p="sm" radius="md" aria-label="Dose preview">
      <Stack gap={4}>
        <Text size="sm">
          {atLabel} ({dose.basis} basis, dosing weight {kg(dose.dosingWeightKg)}
          {dose.isCappedAtActual
            ? `, capped at actual weight — the ${dose.basis} weight is ${kg(dose.basisWeightKg)}`
            : ''}
          ): <strong>{mg(dose.doseMg)}</strong> over {dose.infusionMin} min ={' '}
          <strong>{Number(dose.rateMgPerMin.toFixed(2))} mg/min</strong>
        </Text>
        <Group gap="xs" data-testid="ceiling-check">
          <Text size="sm">
            Ceiling on actual weight ({kg(dose.actualWeightKg)}): {mg(dose.ceilingMg)} ={' '}
            {perKg(dose.ceilingMgPerKg)} (the clinic’s ceiling). This dose is{' '}
            <strong>{perKg(dose.doseMgPerKgOfActual)} of actual weight</strong>.
          </Text>
          <Badge color={dose.isAboveCeiling ? 'red' : 'teal'} variant="light">
            {dose.isAboveCeiling ? 'Above the ceiling' : 'Within the ceiling'}
          </Badge>
        </Group>
        {dose.warnings.map((w) => (
          <Text key={w.code} size="xs" c={w.severity === 'override' ? 'red.8' : 'orange.8'}>
            {w.message}
          </Text>
        ))}
      </Stack>
    </Paper>
  )
}
