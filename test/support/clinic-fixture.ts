import { seedDemoClinicalData } from '../../src/server/seed/demo'
import { Client, demoEmails, startTestApp, type TestApp, totpCode } from './test-app'

/** The demo roles a fixture signs in; each gets its own client (cookie and CSRF token). */
export type DemoRole = keyof typeof demoEmails

export interface DemoClinic<R extends DemoRole = DemoRole> {
  t: TestApp
  /** Signed-in clients by role (only the roles asked for). */
  clients: Record<R, Client>
  /** The prescriber's TOTP secret, when the prescriber was signed in. */
  prescriberSecret: string | undefined
}

/**
 * A test app with the demo organization and its clinical data (patients at every stage), and the
 * given roles signed in — the set-up most database tests of the clinical features share.
 */
export async function startDemoClinic<R extends DemoRole = 'nurse' | 'frontDesk' | 'prescriber'>(
  options: {
    env?: Record<string, string>
    /** Signed in in this order (default: the nurse, the front desk and the prescriber). */
    roles?: R[]
    /** Seed the demo treatment sessions too (default no: most files book and run their own). */
    withSessions?: boolean
    withRemsCertification?: boolean
  } = {},
): Promise<DemoClinic<R>> {
  const t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000', ...options.env })
  await seedDemoClinicalData(t.ctx, t.demo, {
    withSessions: options.withSessions ?? false,
    ...(options.withRemsCertification === undefined
      ? {}
      : { withRemsCertification: options.withRemsCertification }),
  })
  const clients = {} as Record<R, Client>
  let prescriberSecret: string | undefined
  for (const role of options.roles ?? (['nurse', 'frontDesk', 'prescriber'] as R[])) {
    const client = new Client(t)
    const secret = await client.signIn(demoEmails[role])
    if (role === 'prescriber') prescriberSecret = secret
    clients[role] = client
  }
  return { t, clients, prescriberSecret }
}

/** A fresh TOTP step for each signature: a code cannot be used twice, so the clock moves on. */
export function freshTotpCode(t: TestApp, secret: string | undefined): string {
  if (!secret) throw new Error('no TOTP secret: sign the prescriber in first')
  t.clock.advanceMinutes(0.5)
  return totpCode(secret, t.clock)
}

/** A patient's id from the clinic's patient search by MRN. */
export async function patientIdByMrn(client: Client, clinicId: string, mrn: string): Promise<string> {
  const response = await client.get(`/api/v1/clinics/${clinicId}/patients?q=${mrn}`)
  const id = response.json().items?.[0]?.id
  if (!id) throw new Error(`no patient ${mrn} in clinic ${clinicId}: ${response.body}`)
  return id
}

/** The ids of every patient of a clinic, read from the database (to check a reply stays inside it). */
export async function patientIdsOf(t: TestApp, clinicId: string): Promise<Set<string>> {
  const rows = await t.database.db
    .selectFrom('patient')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .execute()
  return new Set(rows.map((p) => p.id))
}
