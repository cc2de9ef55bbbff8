import { CAUTION_QUESTIONS } from '../../../domain/eligibility'
import type { Tx } from '../../context'

// §3 ✅ pre-dose cautions (esketamine label 5.6, 7.1–7.3): hypertensive encephalopathy, current
// psychostimulants or MAOIs (blood pressure), CNS depressants (sedation). Answered at intake on the
// contraindication screen; before each dose the prescriber acknowledges the ones that apply. They
// are warnings, so the pre-check waits for the acknowledgement but never fails on them.

export interface SessionCautions {
  items: { id: string; question: string; explanation: string }[]
  /** Caution questions the intake screen has not answered yet. */
  unanswered: string[]
  acknowledged: { by: string | null; at: Date; cautions: string[] } | null
}

interface LiveEvent {
  kind: string
  at: Date
  payload: unknown
  recorded_by_name: string | null
}

export async function loadSessionCautions(
  tx: Tx,
  clinicId: string,
  patientId: string,
  liveEvents: readonly LiveEvent[],
): Promise<SessionCautions> {
  const screening = await tx
    .selectFrom('screening')
    .select('contraindication_answers')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst()
  const answers = screening?.contraindication_answers ?? {}
  const items = CAUTION_QUESTIONS.filter((q) => answers[q.id] === true).map((q) => ({
    id: q.id,
    question: q.question,
    explanation: q.explanation,
  }))
  const ack = [...liveEvents].reverse().find((e) => e.kind === 'caution-ack')
  const ackedIds = ack ? (ack.payload as { cautions: string[] }).cautions : []
  // An acknowledgement counts only for the cautions it named: a new one found since needs another.
  const isCovered = items.every((i) => ackedIds.includes(i.id))
  return {
    items,
    unanswered: CAUTION_QUESTIONS.filter((q) => typeof answers[q.id] !== 'boolean').map((q) => q.id),
    acknowledged: ack && isCovered ? { by: ack.recorded_by_name, at: ack.at, cautions: ackedIds } : null,
  }
}

/** The pre-check line: pending until answered at intake and, when any applies, acknowledged. */
export function cautionPreCheck(c: SessionCautions) {
  const status: 'pass' | 'pending' =
    c.unanswered.length > 0 || (c.items.length > 0 && c.acknowledged === null) ? 'pending' : 'pass'
  const detail =
    c.unanswered.length > 0
      ? `Not asked at intake (${c.unanswered.length} question(s)): answer them on the History tab`
      : c.items.length === 0
        ? 'None on the intake screen'
        : c.acknowledged
          ? `Acknowledged by ${c.acknowledged.by ?? 'a prescriber'}: ${c.items.map((i) => i.question).join(' ')}`
          : `Prescriber to acknowledge: ${c.items.map((i) => i.question).join(' ')}`
  return { id: 'cautions', label: 'Pre-dose cautions acknowledged', status, detail }
}
