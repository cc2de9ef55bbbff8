import { formatSignIns, hasAnyOrganization, seedDemoOrganization, seedFullDemo } from '../../server/seed/demo'
import { seedSyntheticPopulation } from '../../server/seed/synthetic'
import { chooseClinic, clinicsByName } from '../clinic-option'
import type { CliCommand } from '../command'
import { numberOption, parseOptions, textOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'create the demo organization, or add a synthetic population',
  help: `Usage: ketacare seed [--force]
       ketacare seed --patients N [--seed S] [--clinic NAME|ID]

Without --patients: creates the demo organization with two clinics, one user per role and demo
patients, and prints the generated passwords once. Refuses when the database already has an
organization, unless --force.

With --patients N: adds N synthetic patients (MRN SYN-<seed>-<n>) to a clinic (default: the first
by name; the demo organization is created first on an empty database) — plans, sessions with
vitals and side effects, PHQ-9 and MADRS trajectories and research consents whose rates follow
clinical-reference §6–7. The same --seed (default 1) gives the same population. Written in
batches with a progress bar on a terminal.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      ...textOptions('patients', 'seed', 'clinic'),
      force: { type: 'boolean', default: false },
    })
    const runtime = await openRuntime(io)
    try {
      const hasOrganization = await hasAnyOrganization(runtime.ctx)
      if (values.patients === undefined) {
        if (!values.force && hasOrganization) {
          io.err(
            'The database already has an organization; nothing seeded. Use --force to add another demo organization.\n',
          )
          return 1
        }
        io.out(await seedFullDemo(runtime.ctx))
        return 0
      }
      const count = numberOption(values.patients, 'patients')
      const seed = numberOption(values.seed, 'seed', 1)
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
        throw new UsageError('--patients must be a whole number from 1 to 1,000,000')
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number')
      if (!hasOrganization) {
        const signIns = await seedDemoOrganization(runtime.ctx)
        io.out(formatSignIns(signIns, runtime.config.publicUrl))
      }
      const clinics = await clinicsByName(runtime)
      const clinic = chooseClinic(
        clinics,
        values.clinic,
        clinics.find((c) => c.name.startsWith('Riverside')) ?? clinics[0],
      )
      const started = performance.now()
      const result = await seedSyntheticPopulation(runtime.ctx, {
        clinicId: clinic.id,
        patients: count,
        seed,
        onProgress: (done, total) => {
          if (!io.isTty) return
          const width = 30
          const filled = Math.round((done / total) * width)
          const seconds = (performance.now() - started) / 1000
          io.err(
            `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} patients, ${seconds.toFixed(0)} s`,
          )
        },
        onSummarising: () => {
          if (io.isTty) io.err('\nBuilding the outcome dashboard summary…')
        },
      })
      io.out(
        `${io.isTty ? '\n' : ''}Added ${result.patients} synthetic patients (${result.rows} rows) to ${clinic.name} in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${seed}.\n`,
      )
      return 0
    } finally {
      await runtime.close()
    }
  },
}
