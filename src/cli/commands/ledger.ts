import { writeFileSync } from 'node:fs'
import { reportCsv, toPdf } from '../../server/features/ledger/report-render'
import { type ReportKind, reportKinds, reportTable } from '../../server/features/ledger/reports'
import { runAsCli } from '../../server/features/ledger/scope'
import { verifyLedgerChains } from '../../server/features/ledger/verify-chains'
import { chooseClinic, clinicsByName } from '../clinic-option'
import type { CliCommand } from '../command'
import { parseOptions, textOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

export const ledgerVerifyCommand: CliCommand = {
  name: 'ledger verify',
  summary: 'recompute the controlled-substance ledger chains; exit 1 at the first broken entry',
  help: `Usage: ketacare ledger verify [--json]

Recomputes every clinic's controlled-substance ledger from the stored rows: each entry's hash and
its link to the one before (an altered, removed or reordered entry breaks it), each entry's change
and running balance replayed from the ones before it, and every entry the audit trail recorded
still present (which catches entries cut from the end). Prints the entries checked per clinic.
Exits 1 and names the first entry that fails.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { json: { type: 'boolean', default: false } })
    const runtime = await openRuntime(io)
    try {
      const reports = await verifyLedgerChains(runtime.database.db)
      const broken = reports.find((r) => !r.verdict.ok)
      if (values.json) {
        io.out(`${JSON.stringify({ ok: !broken, clinics: reports })}\n`)
      } else {
        for (const r of reports) {
          io.out(
            r.verdict.ok
              ? `ok      ${r.clinicName}: ${r.verdict.checked} entries\n`
              : `BROKEN  ${r.clinicName}: ${r.verdict.detail}\n`,
          )
        }
        io.out(
          broken
            ? 'Ledger FAILED verification.\n'
            : `Ledger intact (${reports.length} ${reports.length === 1 ? 'clinic' : 'clinics'}).\n`,
        )
      }
      return broken ? 1 : 0
    } finally {
      await runtime.close()
    }
  },
}

export const ledgerReportCommand: CliCommand = {
  name: 'ledger report',
  summary: 'inventory, administration, waste or discrepancy report as CSV or PDF',
  help: `Usage: ketacare ledger report --kind KIND [--clinic "name or id"] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                              [--format csv|pdf] [--out FILE]
                              [--inventory-type initial|biennial|on-demand] [--timing opening|closing] [--date YYYY-MM-DD]

KIND is one of: ${reportKinds.join(', ')}.
  inventory        stock on hand per lot and per drug, as of the opening or close of business on
                   --date (default today; --timing closing); --inventory-type labels it
  administrations  each dose with the patient's name and address, lot, quantity and who gave it
  waste            waste and breakage with reason, method and witness
  discrepancies    counts that differed from the balance, and how each was resolved
Dates are the clinic's local dates; --from/--to default to the last 30 days. --clinic may be left
out when there is one clinic. CSV goes to standard output unless --out is given; PDF needs --out.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      ...textOptions('kind', 'clinic', 'from', 'to', 'out', 'inventory-type', 'timing', 'date'),
      format: { type: 'string', default: 'csv' },
    })
    const kind = values.kind as ReportKind | undefined
    if (!kind || !reportKinds.includes(kind))
      throw new UsageError(`--kind must be one of ${reportKinds.join(', ')}`)
    if (values.format !== 'csv' && values.format !== 'pdf')
      throw new UsageError('--format must be csv or pdf')
    if (values.format === 'pdf' && !values.out) throw new UsageError('--format pdf needs --out FILE')
    for (const name of ['from', 'to', 'date'] as const) {
      const value = values[name]
      if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))))
        throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`)
    }
    const inventoryType = values['inventory-type']
    if (inventoryType !== undefined && !['initial', 'biennial', 'on-demand'].includes(inventoryType))
      throw new UsageError('--inventory-type must be initial, biennial or on-demand')
    if (values.timing !== undefined && !['opening', 'closing'].includes(values.timing))
      throw new UsageError('--timing must be opening or closing')
    const runtime = await openRuntime(io)
    try {
      const clinics = await clinicsByName(runtime)
      const clinic = chooseClinic(clinics, values.clinic, clinics.length === 1 ? clinics[0] : undefined)
      const table = await runAsCli(runtime.ctx, clinic.id, (scope) =>
        reportTable(scope, {
          kind,
          from: values.from,
          to: values.to,
          date: values.date,
          inventoryType: inventoryType as 'initial' | 'biennial' | 'on-demand' | undefined,
          timing: values.timing as 'opening' | 'closing' | undefined,
        }),
      ).catch((error: unknown) => {
        // The service names a bad option the way the API names a field.
        const fields = (error as { fieldErrors?: { field: string; message: string }[] }).fieldErrors
        if (fields?.length) throw new UsageError(fields.map((f) => `--${f.field} ${f.message}`).join('; '))
        throw error
      })
      if (values.format === 'pdf') {
        writeFileSync(values.out!, await toPdf(table))
        io.out(`Wrote ${table.title} (${table.rows.length} rows) to ${values.out}\n`)
      } else if (values.out) {
        writeFileSync(values.out, reportCsv(table))
        io.out(`Wrote ${table.title} (${table.rows.length} rows) to ${values.out}\n`)
      } else {
        io.out(reportCsv(table))
      }
      return 0
    } finally {
      await runtime.close()
    }
  },
}
