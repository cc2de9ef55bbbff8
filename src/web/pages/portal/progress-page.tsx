import { LineChart } from '@mantine/charts'
import { List, Paper, Stack, Text, Title } from '@mantine/core'
import { type PortalProgress, type ProgressSeries, usePortalProgress } from '../../api/portal'
import { SectionCard } from '../../components/section-heading'
import { formatShortDate } from './portal-format'
import { PortalPage } from './portal-status'
import { chartPoints, describeSeries, referenceLevels, sessionMarks, timeDomain } from './progress-data'

/** What each questionnaire measures, in a line. */
const instrumentNotes: Record<string, string> = {
  phq9: 'Depression: the check-in you fill in yourself.',
  gad7: 'Anxiety: the check-in you fill in yourself.',
  'qids-sr16': 'Depression: the check-in the day after a session.',
  madrs: 'Depression: rated by your clinician at visits.',
}

const dayFormat = (ms: number) => new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })

function SeriesChart({
  series,
  sessions,
}: {
  series: ProgressSeries
  sessions: { at: string; number: number }[]
}) {
  const points = chartPoints(series)
  const marks = sessionMarks(sessions)
  const domain = timeDomain(
    points,
    marks.map((m) => m.atMs),
  )
  const titleId = `progress-${series.instrumentId}`
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={titleId}>
            {series.name}
          </Title>
          {instrumentNotes[series.instrumentId] && (
            <Text size="sm">{instrumentNotes[series.instrumentId]}</Text>
          )}
        </Stack>
        <Text>{describeSeries(series)}</Text>
        {domain && points.length > 0 && (
          <div
            role="img"
            aria-label={`Chart of your ${series.name} scores over time`}
            data-testid="progress-chart"
          >
            <LineChart
              h={260}
              data={points}
              dataKey="atMs"
              series={[{ name: 'total', label: `${series.name} score`, color: 'teal.9' }]}
              curveType="linear"
              withDots
              withTooltip={false}
              gridAxis="x"
              xAxisProps={{ type: 'number', scale: 'time', domain, tickFormatter: dayFormat }}
              yAxisProps={{ domain: [0, series.maxTotal] }}
              referenceLines={[
                ...referenceLevels(series).map((level) => ({
                  y: level.y,
                  label: level.label,
                  color: level.color,
                  // Response sits above remission: its label above its line, remission's below (in
                  // Recharts, "insideBottom" of a horizontal line is above it).
                  labelPosition:
                    level.kind === 'response' ? ('insideBottomRight' as const) : ('insideTopRight' as const),
                })),
                ...marks.map((mark) => ({
                  x: mark.atMs,
                  label: `S${mark.number}`,
                  color: 'gray.6',
                  labelPosition: 'insideTopLeft' as const,
                })),
              ]}
            />
          </div>
        )}
      </Stack>
    </Paper>
  )
}

/** The response and remission lines in plain words, and the days of the visits behind the grey lines. */
function LinesExplained({ sessions }: { sessions: PortalProgress['sessions'] }) {
  return (
    <SectionCard titleId="progress-lines" title="What the lines mean" titleSize="h4" gap="xs">
      <List spacing="xs">
        <List.Item>
          <strong>Response</strong>: half of your first score, or lower. Studies call a drop of at least half
          a “response”.
        </List.Item>
        <List.Item>
          <strong>Remission</strong>: a score this low most often means few symptoms are left.
        </List.Item>
      </List>
      <Text>
        Scores go up and down from week to week. One check-in is never the whole picture. Your care team will
        talk your chart through with you at your visits. Please bring any questions.
      </Text>
      {sessions.length > 0 && (
        <Text size="sm">
          Your visits: {sessions.map((s) => `S${s.number} ${formatShortDate(s.at)}`).join(', ')}.
        </Text>
      )}
    </SectionCard>
  )
}

/** Scores over time with the response and remission lines, and what they mean in plain words. */
export function ProgressPage() {
  return (
    <PortalPage
      title="Your progress"
      lead="Each dot is one of your check-ins. A lower score means fewer or milder symptoms. The grey lines (S1, S2, and so on) show the days of your visits."
      query={usePortalProgress()}
    >
      {(progress) =>
        progress.series.length === 0 ? (
          <Text>Your chart will appear here after your first check-in.</Text>
        ) : (
          <>
            {progress.series.map((series) => (
              <SeriesChart key={series.instrumentId} series={series} sessions={progress.sessions} />
            ))}
            <LinesExplained sessions={progress.sessions} />
          </>
        )
      }
    </PortalPage>
  )
}
