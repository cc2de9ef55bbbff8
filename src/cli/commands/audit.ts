import { verifyAuditChains } from '../../server/audit/verify-audit'
import type { CliCommand } from '../command'
import { parseOptions } from '../command'
import { openRuntime } from '../runtime'

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'recompute the audit hash chains; exit 1 at the first broken link',
  help: `Usage: ketacare audit verify [--json]

Recomputes every audit chain (one per clinic, one for installation events such as sign-ins) from
the stored rows. Prints the number of events checked per chain. Exits 1 and names the first event
that was altered, removed or reordered.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { json: { type: 'boolean', default: false } })
    const runtime = await openRuntime(io)
    try {
      const reports = await verifyAuditChains(runtime.database.db)
      const broken = reports.find((r) => !r.verdict.ok)
      if (values.json) {
        io.out(`${JSON.stringify({ ok: !broken, chains: reports })}\n`)
      } else {
        for (const r of reports) {
          io.out(
            r.verdict.ok
              ? `ok      ${r.chain}: ${r.verdict.checked} events\n`
              : `BROKEN  ${r.chain}: ${r.verdict.detail}\n`,
          )
        }
        io.out(
          broken ? 'Audit trail FAILED verification.\n' : `Audit trail intact (${reports.length} chains).\n`,
        )
      }
      return broken ? 1 : 0
    } finally {
      await runtime.close()
    }
  },
}
