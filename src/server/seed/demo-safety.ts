import type { AppContext } from '../context'
import { listSurveys, submitSurvey } from '../features/portal/service'

// The demo's open suicidal-ideation alert from home (issue 12 point 1): the day after her
// esketamine session, Grace Kim answers the QIDS-SR16 in the portal with item 12 at 2 ("urgent"
// by the §4 default). It goes through the portal's own services, so the alert, the staff e-mails
// in the outbox and the audit trail are what a real submission leaves behind.

/** QIDS-SR16 answers in item order; 7 and 9 are left blank as the form allows (§4). */
const qidsAnswers = [2, 2, 1, 0, 2, 1, null, 1, null, 2, 2, 2, 2, 2, 1, 0]

export async function seedDemoQidsAlert(ctx: AppContext, clinicId: string, patientId: string): Promise<void> {
  const patient = await ctx.db
    .selectFrom('patient')
    .select(['email'])
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow()
  const portalPatient = {
    patientId,
    clinicId,
    email: patient.email ?? 'demo-patient@example.org',
    sessionId: 'demo-seed',
    scope: 'full' as const,
    surveyId: null,
    ip: null,
  }
  const surveys = await listSurveys(ctx, portalPatient)
  const qids = surveys.find((s) => s.instrumentId === 'qids-sr16')
  if (!qids) throw new Error('demo: no QIDS-SR16 due after the esketamine session')
  const answers = Object.fromEntries(qidsAnswers.map((value, i) => [`qids_${i + 1}`, value]))
  await submitSurvey(ctx, portalPatient, qids.id, answers)
}
