import {
  buildRuleCatalogue,
  type CatalogueParameter,
  type CatalogueRule,
  type ClinicRuleSettings,
} from '../../domain/rules'
import { loadClinicSettings } from '../../server/clinic-settings'
import { inOwnerTransaction } from '../../server/tenancy'
import { findClinicOption } from '../clinic-option'
import type { CliCommand, CliIo } from '../command'
import { parseOptions, UsageError } from '../command'
import { openRuntime } from '../runtime'

const markWords = { '✅': 'verified', '🔶': 'secondary source', '⚠️': 'unverified default' } as const

const show = (value: number | boolean, unit: string) =>
  typeof value === 'boolean' ? (value ? 'yes' : 'no') : `${value}${unit ? ` ${unit}` : ''}`

function parameterLine(p: CatalogueParameter, hasClinic: boolean): string {
  const base = `    ${p.label}: ${show(p.defaultValue, p.unit)}`
  if (!hasClinic) return `${base} (${p.field})\n`
  return `${base} default · clinic ${show(p.currentValue, p.unit)}${p.isChanged ? ' (changed)' : ''} (${p.field})\n`
}

function printCatalogue(io: CliIo, rules: CatalogueRule[], clinicName: string | null): void {
  if (clinicName) io.out(`Rules with the values of ${clinicName} beside the defaults.\n`)
  let category = ''
  for (const rule of rules) {
    if (rule.category !== category) {
      category = rule.category
      io.out(`\n${category}\n`)
    }
    const publication = rule.source.publication ? `; ${rule.source.publication}` : ''
    const word = rule.kind === 'fixed' && rule.mark === '⚠️' ? 'unverified' : markWords[rule.mark]
    io.out(`  ${rule.id}  ${rule.mark} ${word}  ${rule.source.section}${publication}\n`)
    io.out(`    ${rule.title}\n`)
    if (rule.fixed)
      io.out(`    fixed: ${rule.fixed.value}${rule.fixed.unit ? ` (${rule.fixed.unit})` : ''}\n`)
    for (const p of rule.parameters) io.out(parameterLine(p, clinicName !== null))
  }
}

async function loadClinicValues(
  io: CliIo,
  clinic: string,
): Promise<{ name: string; values: ClinicRuleSettings }> {
  const runtime = await openRuntime(io)
  try {
    return await inOwnerTransaction(runtime.ctx, async (tx) => {
      const clinics = await tx.selectFrom('clinic').select(['id', 'name']).execute()
      const found = findClinicOption(clinics, clinic)
      if (!found)
        throw new UsageError(
          `no clinic "${clinic}"; clinics: ${clinics.map((c) => c.name).join(', ') || '(none — run ketacare seed)'}`,
        )
      const { mfaRequiredRoles: _, ...values } = await loadClinicSettings(tx, found.id)
      return { name: found.name, values }
    })
  } finally {
    await runtime.close()
  }
}

export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: 'list every clinical rule with its source, mark, default and (with --clinic) current value',
  help: `Usage: ketacare rules --list [--json] [--clinic "Clinic name or id"]

Prints the rule catalogue (src/domain/rules): each clinical rule's stable id, its source in
clinical-reference.md (section and publication), its mark (✅ verified, 🔶 secondary source,
⚠️ unverified default), and its value: the default of each clinic setting, or the fixed value of a
rule that is not a setting. With --clinic, the clinic's own values are shown beside the defaults
(this opens the database). --json prints { clinic, rules } for tools.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, {
      list: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      clinic: { type: 'string' },
    })
    if (!values.list) throw new UsageError('say --list (the catalogue is the only thing this command prints)')
    const clinic = values.clinic === undefined ? null : await loadClinicValues(io, values.clinic)
    const rules = buildRuleCatalogue(clinic?.values)
    if (values.json) io.out(`${JSON.stringify({ clinic: clinic?.name ?? null, rules }, null, 2)}\n`)
    else printCatalogue(io, rules, clinic?.name ?? null)
    return 0
  },
}
