import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { type CsvCell, toCsv } from '../../domain/csv'
import { type ExportRecordType, exportDeidentified } from '../../server/features/research/export'
import { findClinicOption } from '../clinic-option'
import type { CliCommand } from '../command'
import { numberOption, parseOptions, textOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

const csvColumns: Record<ExportRecordType, string[]> = {
  patient: ['researchId', 'sex', 'ageAtStart', 'protocol'],
  session: [
    'researchId',
    'sessionRef',
    'sessionNumber',
    'route',
    'state',
    'scheduledAt',
    'doseStartedAt',
    'doseEndedAt',
    'dischargedAt',
    'plannedDoseMg',
    'doseMgPerKg',
  ],
  score: ['researchId', 'sessionRef', 'instrument', 'total', 'band', 'context', 'at'],
  event: ['researchId', 'sessionRef', 'kind', 'term', 'grade', 'isSerious', 'onsetAt', 'resolvedAt'],
}
const csvFiles: Record<ExportRecordType, string> = {
  patient: 'patients.csv',
  session: 'sessions.csv',
  score: 'scores.csv',
  event: 'events.csv',
}

/** One exported record as a CSV line, in its file's column order. */
export function researchCsvLine(type: ExportRecordType, record: Record<string, unknown>): string {
  return toCsv([csvColumns[type].map((c) => record[c] as CsvCell)], 'lf')
}

/** Writes with back-pressure, so a slow disk or pipe keeps memory flat. */
function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> | undefined {
  if (stream.write(line)) return undefined
  return new Promise((resolve) => stream.once('drain', () => resolve()))
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'de-identified research export (CSV or NDJSON), streaming',
  help: `Usage: ketacare export --deidentified [--format ndjson|csv] [--out PATH] [--clinic NAME|ID] [--max-shift-days N]

Exports patients, sessions, scores and side-effect events of patients whose current consent permits
research use, de-identified: no names, contact details, addresses, record numbers, dates of birth
or free text; a random pseudonym per patient and session; every date of a patient shifted by the
same secret number of days (at most N, default 180) so intervals stay true; ages over 89 as "90+".
Pseudonyms and shifts come from a secret made for this export alone, so two exports cannot be
linked. NDJSON goes to --out FILE or standard output, one {"type": …} object a line; CSV needs
--out DIR and writes patients.csv, sessions.csv, scores.csv and events.csv. A progress bar shows on
a terminal.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      ...textOptions('out', 'clinic', 'max-shift-days'),
      deidentified: { type: 'boolean', default: false },
      format: { type: 'string', default: 'ndjson' },
    })
    if (!values.deidentified) throw new UsageError('only de-identified exports exist: add --deidentified')
    if (values.format !== 'ndjson' && values.format !== 'csv')
      throw new UsageError('--format must be ndjson or csv')
    if (values.format === 'csv' && !values.out) throw new UsageError('--format csv needs --out DIR')
    const maxShiftDays = numberOption(values['max-shift-days'], 'max-shift-days', 180)
    if (!Number.isInteger(maxShiftDays) || maxShiftDays < 1 || maxShiftDays > 3650)
      throw new UsageError('--max-shift-days must be a whole number from 1 to 3650')
    const runtime = await openRuntime(io)
    const streams: WriteStream[] = []
    try {
      let clinicId: string | undefined
      if (values.clinic) {
        const clinics = await runtime.database.db.selectFrom('clinic').select(['id', 'name']).execute()
        const match = findClinicOption(clinics, values.clinic)
        if (!match)
          throw new UsageError(
            `no clinic "${values.clinic}"; clinics: ${clinics.map((c) => c.name).join(', ')}`,
          )
        clinicId = match.id
      }
      let write: (type: ExportRecordType, record: Record<string, unknown>) => Promise<void> | undefined
      if (values.format === 'csv') {
        mkdirSync(values.out!, { recursive: true })
        const files = {} as Record<ExportRecordType, WriteStream>
        for (const type of Object.keys(csvFiles) as ExportRecordType[]) {
          files[type] = createWriteStream(join(values.out!, csvFiles[type]))
          streams.push(files[type])
          files[type].write(toCsv([csvColumns[type]], 'lf'))
        }
        write = (type, record) => writeLine(files[type], researchCsvLine(type, record))
      } else {
        const target = values.out ? createWriteStream(values.out) : process.stdout
        if (values.out) streams.push(target as WriteStream)
        write = (type, record) => writeLine(target, `${JSON.stringify({ type, ...record })}\n`)
      }
      const counts = await exportDeidentified(runtime.ctx, {
        clinicId,
        secret: { salt: randomBytes(32).toString('hex'), maxShiftDays },
        sink: { write: (type, record) => write(type, record) },
        onProgress: ({ patientsDone, patientsTotal }) => {
          if (!io.isTty || !values.out) return
          const width = 30
          const filled = patientsTotal ? Math.round((patientsDone / patientsTotal) * width) : width
          io.err(
            `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${patientsDone}/${patientsTotal} patients`,
          )
        },
      })
      await Promise.all(streams.map((s) => new Promise((resolve) => s.end(resolve))))
      if (values.out) {
        io.err(
          `${io.isTty ? '\n' : ''}Exported ${counts.patient} patients, ${counts.session} sessions, ${counts.score} scores, ${counts.event} events to ${values.out}.\n`,
        )
      }
      return 0
    } finally {
      await runtime.close()
    }
  },
}
