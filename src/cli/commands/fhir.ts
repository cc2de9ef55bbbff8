import { isIsoDate, startOfClinicDay } from '../../domain/time'
import { AppError } from '../../server/errors'
import { exportSources } from '../../server/fhir/export/export-types'
import { parseSince } from '../../server/fhir/export/kick-off-params'
import { writeNdjsonExport } from '../../server/fhir/export/write-ndjson'
import { chooseClinic } from '../clinic-option'
import type { CliCommand } from '../command'
import { parseOptions, textOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

/** An AppError about an option (a bad type or date) as a usage error naming the option. */
function asUsage<T>(option: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`--${option}: ${error.message}`)
    throw error
  }
}

export const fhirExportCommand: CliCommand = {
  name: 'fhir export',
  summary: 'a clinic’s records as FHIR R4 NDJSON files (the Bulk Data export, offline)',
  help: `Usage: ketacare fhir export --out DIR [--clinic "name or id"] [--type T,…] [--since DATE]

Writes one <ResourceType>.ndjson file per type into DIR (one FHIR R4 resource per line), the same
export as GET /fhir/R4/$export: every type served (see /fhir/R4/metadata) unless --type names
some; --since keeps resources changed at or after an instant (2026-01-31T00:00:00Z) or the start of
a day in the clinic's time zone (2026-01-31). --clinic may be left out when there is one clinic.
Each batch read is audited in the clinic's trail as "ketacare cli". A progress line shows on a
terminal.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, textOptions('out', 'clinic', 'type', 'since'))
    if (!values.out) throw new UsageError('--out DIR is required')
    const sources = asUsage('type', () =>
      exportSources(
        'system',
        values.type?.split(',').filter((t) => t !== ''),
        () => true,
      ),
    )
    const runtime = await openRuntime(io)
    try {
      const clinics = await runtime.database.db
        .selectFrom('clinic')
        .select(['id', 'name', 'time_zone'])
        .orderBy('name')
        .execute()
      const clinic = chooseClinic(clinics, values.clinic, clinics.length === 1 ? clinics[0] : undefined)
      const since = values.since
      const sinceAt =
        since === undefined
          ? undefined
          : isIsoDate(since)
            ? startOfClinicDay(since, clinic.time_zone)
            : asUsage('since', () => parseSince(since, 'since'))
      const output = await writeNdjsonExport(
        runtime.ctx,
        { userId: null, email: 'ketacare cli', ip: null },
        { clinicId: clinic.id, sources, since: sinceAt, patientIds: undefined },
        values.out,
        {
          onProgress: (p) => {
            if (io.isTty)
              io.err(
                `\r${p.written} resources written; ${p.type} (${p.typesDone + 1} of ${p.typesTotal} types)`,
              )
            return true
          },
        },
      )
      if (io.isTty) io.err('\n')
      const files = output ?? []
      for (const file of files) io.out(`${file.type}.ndjson\t${file.count}\n`)
      const total = files.reduce((sum, f) => sum + f.count, 0)
      io.err(`Exported ${total} resources of ${clinic.name} to ${values.out}.\n`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}
