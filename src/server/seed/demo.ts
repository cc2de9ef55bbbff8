import type { StaffRole } from '../../domain/access/permissions'
import { appendAudit } from '../audit/append-audit'
import type { AppContext } from '../context'
import { generatePassword, hashPassword } from '../features/auth/passwords'
import { registerFhirClient } from '../features/fhir-clients/service'
import { recordSettingCertification } from '../features/rems/service'
import { uuidv7 } from '../ids'
import { inOwnerTransaction } from '../tenancy'
import { principalByEmail, seedDemoLedger } from './demo-ledger'
import { type DemoStaff, seedDemoPatients } from './demo-patients'
import { seedDemoReferrals } from './demo-referrals'
import { seedDemoSessions } from './demo-sessions'
import { seedSyntheticPopulation } from './synthetic'

/** The demo backend client's public key (EC P-384); its private half was never kept. */
const demoClientPublicKey = {
  kty: 'EC',
  crv: 'P-384',
  x: '3vHL688ds6k4f9H6nwlY5UUW9AT0u5WYIWXqv1JFyZfPLMDvu9CPPqa9RYFVp8Hc',
  y: 'PSlDuPKTbWorrc2r54AXCZFMh8PzSvrIQFuNZP-H5A2eZRFFiJZODK5A3thvIAnX',
  kid: 'demo-ehr-1',
  alg: 'ES384',
  use: 'sig',
}

export interface DemoSignIn {
  email: string
  password: string
  displayName: string
  roles: string
}

interface DemoUser {
  email: string
  displayName: string
  /** Role per clinic index (0 = first clinic, 1 = second). */
  roles: Partial<Record<0 | 1, StaffRole>>
}

const demoClinics = [
  {
    name: 'Riverside Ketamine Clinic',
    timeZone: 'America/New_York',
    dea: 'BR1234563',
    phone: '(212) 555-0142',
  },
  { name: 'Hillcrest Mood Center', timeZone: 'America/Chicago', dea: 'BH7654321', phone: '(312) 555-0187' },
]

const demoUsers: DemoUser[] = [
  { email: 'admin@demo.ketacare.org', displayName: 'Alex Morgan', roles: { 0: 'admin', 1: 'admin' } },
  {
    email: 'prescriber@demo.ketacare.org',
    displayName: 'Dr. Priya Raman',
    roles: { 0: 'prescriber', 1: 'prescriber' },
  },
  { email: 'nurse@demo.ketacare.org', displayName: 'Nina Okafor, RN', roles: { 0: 'nurse' } },
  { email: 'frontdesk@demo.ketacare.org', displayName: 'Sam Lee', roles: { 0: 'front_desk' } },
  {
    email: 'auditor@demo.ketacare.org',
    displayName: 'Jordan Blake (compliance)',
    roles: { 0: 'auditor', 1: 'auditor' },
  },
  { email: 'nurse2@demo.ketacare.org', displayName: 'Marco Diaz, RN', roles: { 1: 'nurse' } },
]

export async function hasAnyOrganization(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('organization').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * Creates the demo organization: two clinics and a user for every staff role. Passwords are
 * generated here and returned once for printing; only their hashes are stored.
 */
export async function seedDemoOrganization(ctx: AppContext): Promise<DemoSignIn[]> {
  const passwords = demoUsers.map(() => generatePassword())
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)))
  const now = ctx.now()
  return inOwnerTransaction(ctx, async (tx) => {
    const organizationId = uuidv7(now.getTime())
    await tx
      .insertInto('organization')
      .values({ id: organizationId, name: 'Demo Ketamine Network' })
      .execute()
    const clinicIds: string[] = []
    for (const c of demoClinics) {
      const id = uuidv7(now.getTime())
      clinicIds.push(id)
      await tx
        .insertInto('clinic')
        .values({
          id,
          organization_id: organizationId,
          name: c.name,
          time_zone: c.timeZone,
          dea_registration: c.dea,
          phone: c.phone,
          settings: JSON.stringify({ mfaRequiredRoles: ['admin', 'prescriber'] }),
        })
        .execute()
    }
    const signIns: DemoSignIn[] = []
    for (const [i, u] of demoUsers.entries()) {
      const userId = uuidv7(now.getTime())
      await tx
        .insertInto('app_user')
        .values({
          id: userId,
          organization_id: organizationId,
          email: u.email,
          display_name: u.displayName,
          password_hash: hashes[i]!,
          locked_until: null,
          last_sign_in_at: null,
        })
        .execute()
      for (const [index, role] of Object.entries(u.roles)) {
        const clinicId = clinicIds[Number(index)]!
        await tx
          .insertInto('membership')
          .values({
            id: uuidv7(now.getTime()),
            clinic_id: clinicId,
            user_id: userId,
            role: role as StaffRole,
          })
          .execute()
      }
      signIns.push({
        email: u.email,
        password: passwords[i]!,
        displayName: u.displayName,
        roles: Object.entries(u.roles)
          .map(([index, role]) => `${role} @ ${demoClinics[Number(index)]!.name}`)
          .join(', '),
      })
    }
    for (const clinicId of clinicIds) {
      for (const name of ['Chair 1', 'Chair 2', 'Chair 3', 'Chair 4']) {
        await tx
          .insertInto('chair')
          .values({ id: uuidv7(now.getTime()), clinic_id: clinicId, name, is_active: true, created_at: now })
          .execute()
      }
      await appendAudit(
        tx,
        {
          clinicId,
          actorUserId: null,
          actorEmail: 'ketacare seed',
          action: 'seed.demo',
          entity: 'clinic',
          entityId: clinicId,
          outcome: 'success',
        },
        now,
      )
    }
    return signIns
  })
}

/**
 * Demo patients at every stage of intake in both clinics, so every screen has something real to
 * show after `npm start` on an empty folder.
 */
export async function seedDemoClinicalData(
  ctx: AppContext,
  signIns: DemoSignIn[],
  options: {
    withSessions?: boolean
    /** Record Riverside's REMS setting certification (default yes; tests of the hard stop say no). */
    withRemsCertification?: boolean
  } = {},
): Promise<number> {
  const passwordOf = (email: string) => signIns.find((s) => s.email === email)!.password
  const clinics = await ctx.db.selectFrom('clinic').select(['id', 'name']).orderBy('name').execute()
  const clinicId = (name: string) => clinics.find((c) => c.name === name)!.id
  const prescriber = await principalByEmail(ctx, 'prescriber@demo.ketacare.org')
  const staffRiverside: DemoStaff = {
    nurse: await principalByEmail(ctx, 'nurse@demo.ketacare.org'),
    prescriber,
    frontDesk: await principalByEmail(ctx, 'frontdesk@demo.ketacare.org'),
    prescriberPassword: passwordOf('prescriber@demo.ketacare.org'),
  }
  const staffHillcrest: DemoStaff = {
    ...staffRiverside,
    nurse: await principalByEmail(ctx, 'nurse2@demo.ketacare.org'),
    frontDesk: prescriber,
  }
  const riverside = clinicId(demoClinics[0]!.name)
  const hillcrest = clinicId(demoClinics[1]!.name)
  // §3 REMS: Riverside treats with esketamine, so its setting is certified; Hillcrest (IV only)
  // has none, and its REMS page shows what is missing.
  if (options.withRemsCertification !== false)
    await recordSettingCertification(ctx, await principalByEmail(ctx, 'admin@demo.ketacare.org'), riverside, {
      identifier: 'SPR-HCS-2090417',
      effectiveOn: new Date(ctx.now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10),
    })
  // Issue 17: Riverside's referring psychiatrist's EHR reads its patients' scores over FHIR. Only the
  // public key is here (no private key exists anywhere), so the demo client shows on the
  // administrator's FHIR clients page but cannot fetch a token: register your own to try (README).
  await registerFhirClient(ctx, await principalByEmail(ctx, 'admin@demo.ketacare.org'), riverside, {
    name: 'Referring psychiatrist EHR (demo)',
    scopes: ['system/Patient.rs', 'system/Observation.rs', 'system/QuestionnaireResponse.rs'],
    jwks: { keys: [demoClientPublicKey] },
  })
  const patients =
    (await seedDemoPatients(ctx, riverside, staffRiverside, 'riverside')) +
    (await seedDemoPatients(ctx, hillcrest, staffHillcrest, 'hillcrest'))
  const idsByMrn = async (clinic: string) =>
    Object.fromEntries(
      (
        await ctx.db.selectFrom('patient').select(['mrn', 'id']).where('clinic_id', '=', clinic).execute()
      ).map((p) => [p.mrn, p.id]),
    )
  if (options.withSessions !== false) {
    await seedDemoSessions(ctx, riverside, staffRiverside, await idsByMrn(riverside))
    await seedDemoSessions(ctx, hillcrest, staffHillcrest, await idsByMrn(hillcrest))
  }
  await seedDemoLedger(ctx, signIns)
  await seedDemoReferrals(ctx, riverside)
  return patients
}

/**
 * A year of past patients at the first demo clinic (synthetic, MRN SYN-1-n), so the outcome
 * dashboard has a cohort to show. They stop a day before now, leaving today's board to the
 * demo's own sessions.
 */
export async function seedDemoHistory(ctx: AppContext, patients: number): Promise<number> {
  if (patients === 0) return 0
  const clinic = await ctx.db
    .selectFrom('clinic')
    .select('id')
    .where('name', '=', demoClinics[0]!.name)
    .executeTakeFirstOrThrow()
  const result = await seedSyntheticPopulation(ctx, {
    clinicId: clinic.id,
    patients,
    seed: 1,
    until: new Date(ctx.now().getTime() - 86_400_000),
  })
  return result.patients
}

/**
 * The whole demo (organization, clinical data and the synthetic history) and the text that
 * announces it once: the sign-ins and what was created.
 */
export async function seedFullDemo(ctx: AppContext): Promise<string> {
  const signIns = await seedDemoOrganization(ctx)
  const patients = await seedDemoClinicalData(ctx, signIns)
  const history = await seedDemoHistory(ctx, ctx.config.demoHistoryPatients)
  return `${formatSignIns(signIns, ctx.config.publicUrl)}${demoDataLine(patients, history)}`
}

function demoDataLine(patients: number, history: number): string {
  return `Demo data: ${patients} patients at every stage of intake${
    history
      ? `, and ${history} synthetic past patients at ${demoClinics[0]!.name} for the outcome dashboard`
      : ''
  }.\n`
}

export function formatSignIns(signIns: DemoSignIn[], url: string): string {
  const width = Math.max(...signIns.map((s) => s.email.length))
  const lines = signIns.map((s) => `  ${s.email.padEnd(width)}  ${s.password}   ${s.roles}`)
  return [
    `Demo organization created. Sign in at ${url} with (shown once; not stored anywhere):`,
    ...lines,
    'Administrators and prescribers set up an authenticator app (TOTP) at first sign-in.',
    '',
  ].join('\n')
}
