import { Alert } from '@mantine/core'
import { type Answers, getInstrument } from '../../domain/instruments'
import { scoreLive } from '../lib/live-score'

/** An instrument's name as a button or a tab says it ("C-SSRS", not "C-SSRS screener"). */
export const instrumentShortName = (instrumentId: string) =>
  getInstrument(instrumentId).name.replace(' screener', '')

/** The choice between instruments, as SegmentedControl data. */
export const instrumentChoices = (instrumentIds: readonly string[]) =>
  instrumentIds.map((id) => ({ value: id, label: instrumentShortName(id) }))

/** The instrument, its live score for the answers so far, and its urgent and warning flags. */
export function useLiveScore(instrumentId: string, answers: Answers) {
  const instrument = getInstrument(instrumentId)
  const live = scoreLive(instrument, answers)
  const flags = live?.flags ?? []
  return {
    instrument,
    live,
    urgent: flags.filter((f) => f.severity === 'urgent'),
    warnings: flags.filter((f) => f.severity === 'warning'),
  }
}

interface FlagWords {
  title: string
  /** What saving the score does about the flag, after its message. */
  consequence?: string
}

/** The live score's urgent flags (filled red) and warnings (light orange), each with what saving does. */
export function ScoreFlagAlerts({
  live,
  urgent,
  warning,
}: {
  live: ReturnType<typeof useLiveScore>
  urgent: FlagWords
  warning: FlagWords
}) {
  const kinds = [
    { flags: live.urgent, words: urgent, color: 'red', variant: 'filled' },
    { flags: live.warnings, words: warning, color: 'orange', variant: 'light' },
  ] as const
  return kinds.flatMap(({ flags, words, color, variant }) =>
    flags.map((flag) => (
      <Alert key={flag.id} color={color} variant={variant} role="alert" title={words.title}>
        {flag.message}
        {words.consequence ? ` ${words.consequence}` : ''}
      </Alert>
    )),
  )
}
