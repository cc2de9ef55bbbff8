import { sealAuditChains } from '../../server/audit/seal-audit'
import { verifyAuditChains } from '../../server/audit/verify-audit'
import type { CliCommand } from '../command'
import { parseOptions } from '../command'
import { openRuntime } from '../runtime'

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'seal pending audit events, recompute the audit hash chains; exit 1 at the first broken link',
  help: `Usage: ketacare audit verify [--json] [--read-only]

Seals the events not yet linked into their chain (what the running server does every half second),
then recomputes every audit chain (one per clinic, one for installation events such as sign-ins)
from the stored rows. Prints the number of events checked per chain. Exits 1 and names the first
event that was altered, removed or reordered.

--read-only  seal nothing: check the sealed events and report the unsealed ones as pending`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      json: { type: 'boolean', default: false },
      'read-only': { type: 'boolean', default: false },
    })
    const runtime = await openRuntime(io)
    try {
      const sealed = values['read-only'] ? 0 : await sealAuditChains(runtime.database.db)
      const reports = await verifyAuditChains(runtime.database.db)
      const broken = reports.find((r) => !r.verdict.ok)
      if (values.json) {
        io.out(`${JSON.stringify({ ok: !broken, sealed, chains: reports })}\n`)
      } else {
        if (sealed > 0) io.out(`sealed  ${sealed} pending events\n`)
        for (const r of reports) {
          const pending = r.pending > 0 ? ` (${r.pending} pending, not yet sealed)` : ''
          io.out(
            r.verdict.ok
              ? `ok      ${r.chain}: ${r.verdict.checked} events${pending}\n`
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
