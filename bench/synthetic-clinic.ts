/** The set-up the population benches share: the demo organization and a synthetic population in its first clinic. */
import { type DatabaseHandle, migrateToLatest } from '../src/db'
import { loadConfig } from '../src/server/config'
import type { AppContext } from '../src/server/context'
import type { Principal } from '../src/server/principal'
import { SecretBox } from '../src/server/secrets/secret-box'
import { seedDemoOrganization } from '../src/server/seed/demo'
import { seedSyntheticPopulation } from '../src/server/seed/synthetic'

/**
 * Migrates, seeds the demo organization and `patients` synthetic patients in its first clinic (by
 * name), and returns the context, the clinic, the seeding's size and time, and the demo prescriber
 * as a principal of that clinic. `env` is the configuration's (e.g. a data folder).
 */
export async function seedSyntheticClinic(
  database: DatabaseHandle,
  patients: number,
  env: Record<string, string> = {},
) {
  await migrateToLatest(database.db)
  const ctx: AppContext = {
    config: loadConfig(env),
    db: database.db,
    dbKind: database.kind,
    now: () => new Date(),
    secrets: new SecretBox(undefined),
  }
  await seedDemoOrganization(ctx)
  const clinic = await database.db
    .selectFrom('clinic')
    .select(['id', 'name'])
    .orderBy('name')
    .executeTakeFirstOrThrow()
  const started = performance.now()
  const seeded = await seedSyntheticPopulation(ctx, { clinicId: clinic.id, patients, seed: 1 })
  const seedMs = performance.now() - started
  const prescriber = await database.db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', 'prescriber@demo.ketacare.org')
    .executeTakeFirstOrThrow()
  const principal: Principal = {
    userId: prescriber.id,
    email: prescriber.email,
    displayName: prescriber.display_name,
    sessionId: 'bench',
    ip: null,
    memberships: [{ clinicId: clinic.id, clinicName: clinic.name, organizationName: '', role: 'prescriber' }],
  }
  return { ctx, clinic, seeded, seedMs, principal }
}
