import type { AppContext } from '../context'
import { createToken, magicLinkDays } from '../features/portal/store'
import { ensureSurveyAssignments } from '../features/portal/surveys'
import { enqueueMessage, portalLinkPlaceholder } from './outbox'

/**
 * A patient who used the portal this recently is not e-mailed: they have just seen what is due, and
 * a reminder arriving in the same second as their answers reads as if the answers were lost
 * (issue 14). The reminder goes out on a later pass.
 */
export const reminderQuietMinutes = 60

/**
 * For every patient with an active portal account: make this week's questionnaires due, and
 * e-mail each newly due one once, with a one-time link that opens just that questionnaire —
 * unless the patient used the portal in the last `reminderQuietMinutes`.
 */
export async function enqueueSurveyReminders(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  const accounts = await ctx.db
    .selectFrom('patient_account as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .innerJoin('clinic as c', 'c.id', 'a.clinic_id')
    .select([
      'a.patient_id',
      'a.clinic_id',
      'a.email',
      'a.last_sign_in_at',
      'p.given_name',
      'c.name as clinic_name',
    ])
    .where('a.activated_at', 'is not', null)
    .execute()
  let queued = 0
  const quietSince = new Date(now.getTime() - reminderQuietMinutes * 60_000)
  for (const a of accounts) {
    if (a.last_sign_in_at && a.last_sign_in_at > quietSince) continue
    await ctx.db.transaction().execute(async (tx) => {
      await ensureSurveyAssignments(tx, a.clinic_id, a.patient_id, now)
      // Answers saved or sent lately (a magic link's session has no sign-in time to go by).
      const recent = await tx
        .selectFrom('survey_assignment')
        .select('id')
        .where('patient_id', '=', a.patient_id)
        .where('status', '!=', 'due')
        .where('updated_at', '>', quietSince)
        .limit(1)
        .executeTakeFirst()
      if (recent) return
      const [assigned, reminded] = await Promise.all([
        tx
          .selectFrom('survey_assignment')
          .select(['id', 'instrument_id', 'reason'])
          .where('patient_id', '=', a.patient_id)
          .where('status', '=', 'due')
          .execute(),
        tx
          .selectFrom('outbox_message')
          .select('dedupe_key')
          .where('patient_id', '=', a.patient_id)
          .where('kind', '=', 'survey-reminder')
          .execute(),
      ])
      const sent = new Set(reminded.map((m) => m.dedupe_key))
      const due = assigned.filter((s) => !sent.has(`survey-reminder:${s.id}`))
      for (const s of due) {
        // The token's clear value is dropped here: the worker issues a new one as it sends.
        const { id: portalTokenId } = await createToken(
          tx,
          a.clinic_id,
          a.patient_id,
          'survey',
          s.id,
          new Date(now.getTime() + magicLinkDays * 86_400_000),
          now,
        )
        const isNew = await enqueueMessage(
          tx,
          {
            clinicId: a.clinic_id,
            kind: 'survey-reminder',
            dedupeKey: `survey-reminder:${s.id}`,
            recipient: a.email,
            subject: `${a.clinic_name}: a short questionnaire for you`,
            body: [
              `Hello ${a.given_name},`,
              '',
              s.reason === 'after-session'
                ? 'How are you feeling since your treatment? Your clinic asks you to fill in a short questionnaire.'
                : 'It is time for your weekly questionnaire. It takes a few minutes and helps your clinic see how you are doing.',
              '',
              `Open it here (the link works once, for ${magicLinkDays} days): ${portalLinkPlaceholder}`,
              '',
              'Your answers may not be read straight away. If you are thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) or call 911 now.',
              '',
              'This message is general information from your clinic, not medical advice.',
            ].join('\n'),
            patientId: a.patient_id,
            portalTokenId,
          },
          now,
        )
        if (isNew) queued++
      }
    })
  }
  return queued
}
