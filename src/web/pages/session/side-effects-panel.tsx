import { Badge, Button, Group, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { seriousFromGrade } from '../../../domain/session'
import { ClinicalCard } from '../../components/clinical-card'
import { struckStyle } from '../../components/mark-in-error-button'
import { formatClock } from '../../lib/clock-format'
import { gradeLabels, sideEffectTerms } from '../../lib/session-labels'
import { type SectionProps, writePath } from './section-props'

/**
 * Side effects in one tap (issue 14): the grade is chosen first (it starts at 1, mild), then a tap
 * on a term from the §7 vocabulary records it at that grade, with what was done if typed; resolved
 * later with one more tap. A grade of 3 or more is recorded as serious.
 */
export function SideEffectsPanel(props: SectionProps) {
  const { view, clinicId, sessionId, outbox, timeZone, canWrite } = props
  const [grade, setGrade] = useState('1')
  const [action, setAction] = useState('')
  const [recorded, setRecorded] = useState<string | null>(null)
  const queued = outbox.entries.filter(
    (e) => e.sessionId === sessionId && e.kind === 'side-effect' && e.status !== 'sent',
  )
  const record = (term: string) => {
    const label = `${term}, grade ${grade}`
    outbox.enqueue({
      sessionId,
      kind: 'side-effect',
      path: writePath(clinicId, sessionId, '/side-effects'),
      body: { term, grade: Number(grade), ...(action.trim() ? { actionTaken: action.trim() } : {}) },
      label,
    })
    setRecorded(label)
    setGrade('1')
    setAction('')
  }
  const resolve = (id: string, label: string) =>
    outbox.enqueue({
      sessionId,
      kind: 'side-effect-resolve',
      path: writePath(clinicId, sessionId, '/side-effects/resolve'),
      body: { sideEffectId: id },
      label: `${label} resolved`,
    })
  const resolving = new Set(
    outbox.entries
      .filter((e) => e.kind === 'side-effect-resolve' && e.status !== 'sent')
      .map((e) => e.body.sideEffectId as string),
  )
  const isSerious = Number(grade) >= seriousFromGrade

  return (
    <ClinicalCard label="Side effects" title="Side effects">
      {canWrite && (
        <>
          <SegmentedControl
            aria-label="Grade"
            value={grade}
            onChange={setGrade}
            data={[1, 2, 3, 4, 5].map((g) => ({ value: String(g), label: `${g} ${gradeLabels[g]}` }))}
            color={isSerious ? 'red' : 'grape'}
            size="sm"
            fullWidth
          />
          <TextInput
            label="Action taken (optional)"
            aria-label="Action taken"
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            placeholder="e.g. ondansetron 4 mg per standing order"
            size="sm"
          />
          <Text size="xs" c={isSerious ? 'red.8' : 'dimmed'}>
            Tap a side effect to record it at grade {grade} ({gradeLabels[Number(grade)]})
            {isSerious ? ', recorded as serious' : ''}.
          </Text>
          <SimpleGrid cols={{ base: 3, sm: 4 }} spacing={6}>
            {sideEffectTerms.map((t) => (
              <Button
                key={t}
                variant="light"
                color={isSerious ? 'red' : 'grape'}
                size="md"
                px={6}
                onClick={() => record(t)}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.1 } }}
                h={48}
              >
                {t}
              </Button>
            ))}
          </SimpleGrid>
          {recorded && (
            <Text size="sm" c="teal.8" role="status">
              {recorded}: queued.
            </Text>
          )}
        </>
      )}
      {view.sideEffects.length === 0 && queued.length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      {view.sideEffects.map((s) => (
        <Group key={s.id} justify="space-between" gap="xs" style={s.enteredInError ? struckStyle : undefined}>
          <Text size="sm">
            <strong>{s.term}</strong> grade {s.grade} ({gradeLabels[s.grade]}) from{' '}
            {formatClock(s.onsetAt, timeZone)}
            {s.actionTaken ? ` · ${s.actionTaken}` : ''}
            {s.resolvedAt ? ` · resolved ${formatClock(s.resolvedAt, timeZone)}` : ''}
          </Text>
          {s.isSerious && <Badge color="red">serious</Badge>}
          {canWrite && !s.resolvedAt && !s.enteredInError && (
            <Button
              size="compact-md"
              variant="default"
              disabled={resolving.has(s.id)}
              onClick={() => resolve(s.id, s.term)}
            >
              {resolving.has(s.id) ? 'Resolving…' : 'Resolved'}
            </Button>
          )}
        </Group>
      ))}
      {queued.map((e) => (
        <Text key={e.id} size="sm" c="orange.8">
          {e.label} (unsent)
        </Text>
      ))}
    </ClinicalCard>
  )
}
