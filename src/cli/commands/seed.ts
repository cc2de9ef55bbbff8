import {
  formatSignIns,
  hasAnyOrganization,
  seedDemoClinicalData,
  seedDemoOrganization,
} from '../../server/seed/demo'
import type { CliCommand } from '../command'
import { parseOptions } from '../command'
import { openRuntime } from '../runtime'

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'create the demo organization, clinics and users',
  help: `Usage: ketacare seed [--force]

Creates the demo organization with two clinics and one user per role, and prints their generated
passwords once. Refuses when the database already has an organization, unless --force.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { force: { type: 'boolean', default: false } })
    const runtime = await openRuntime(io)
    try {
      if (!values.force && (await hasAnyOrganization(runtime.ctx))) {
        io.err(
          'The database already has an organization; nothing seeded. Use --force to add another demo organization.\n',
        )
        return 1
      }
      const signIns = await seedDemoOrganization(runtime.ctx)
      const patients = await seedDemoClinicalData(runtime.ctx, signIns)
      io.out(
        `${formatSignIns(signIns, runtime.config.publicUrl)}Demo data: ${patients} patients at every stage of intake.\n`,
      )
      return 0
    } finally {
      await runtime.close()
    }
  },
}
