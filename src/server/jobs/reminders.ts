import type { AppContext } from '../context'
import { enqueueMessage } from './outbox'

/** Appointment reminders go out the day before: sessions starting 18 to 30 hours from now. */
export const reminderWindowHours = { from: 18, to: 30 } as const

function formatWhen(at: Date, timeZone: string): string {
  return at.toLocaleString('en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  })
}

/** Text written for patients by KetaCare: what to do before the visit (clinical-reference §2, §3). */
export function sessionReminderBody(p: {
  givenName: string
  clinicName: string
  when: string
  route: 'iv' | 'intranasal'
}): string {
  return [
    `Hello ${p.givenName},`,
    '',
    `This is a reminder of your treatment at ${p.clinicName} on ${p.when}.`,
    '',
    'Before you come:',
    '- Follow the fasting instructions your clinic gave you.',
    '- Arrange for a responsible adult to take you home afterwards. You will not be able to leave alone.',
    '- Do not drive, cycle or operate machinery until the next day, after a night’s sleep.',
    p.route === 'intranasal'
      ? '- Plan to stay at the clinic for at least two hours after your dose.'
      : '- Plan to stay at the clinic for monitoring after your infusion.',
    '- Bring a list of the medicines you take, and tell the team if anything has changed.',
    '',
    'If you need to cancel or have questions, please call the clinic.',
    'If you are thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) or call 911.',
    '',
    'This message is general information from your clinic, not medical advice.',
  ].join('\n')
}

/** Queues a reminder for each session booked for tomorrow whose patient has an e-mail address. */
export async function enqueueSessionReminders(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  const from = new Date(now.getTime() + reminderWindowHours.from * 3_600_000)
  const to = new Date(now.getTime() + reminderWindowHours.to * 3_600_000)
  const due = await ctx.db
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .innerJoin('clinic as c', 'c.id', 's.clinic_id')
    .select([
      's.id',
      's.clinic_id',
      's.scheduled_at',
      's.route',
      'p.id as patient_id',
      'p.given_name',
      'p.email',
      'c.name as clinic_name',
      'c.time_zone',
    ])
    .where('s.state', '=', 'scheduled')
    .where('s.scheduled_at', '>=', from)
    .where('s.scheduled_at', '<', to)
    .where('p.email', 'is not', null)
    .execute()
  let queued = 0
  for (const s of due) {
    const isNew = await enqueueMessage(
      ctx.db,
      {
        clinicId: s.clinic_id,
        kind: 'session-reminder',
        dedupeKey: `session-reminder:${s.id}`,
        recipient: s.email!,
        subject: `Your treatment at ${s.clinic_name} tomorrow`,
        body: sessionReminderBody({
          givenName: s.given_name,
          clinicName: s.clinic_name,
          when: formatWhen(s.scheduled_at, s.time_zone),
          route: s.route,
        }),
        patientId: s.patient_id,
      },
      now,
    )
    if (isNew) queued++
  }
  return queued
}
