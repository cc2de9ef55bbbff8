import type { CliCommand } from './command'
import { auditVerifyCommand } from './commands/audit'
import { backupCommand, restoreCommand } from './commands/backup'
import { doseCommand } from './commands/dose'
import { exportCommand } from './commands/export'
import { fhirExportCommand } from './commands/fhir'
import { fhirClientAddCommand, fhirClientListCommand, fhirClientRevokeCommand } from './commands/fhir-client'
import { ledgerReportCommand, ledgerVerifyCommand } from './commands/ledger'
import { migrateCommand } from './commands/migrate'
import { pkCommand } from './commands/pk'
import { rulesCommand } from './commands/rules'
import { scoreCommand } from './commands/score'
import { secretsRotateKeyCommand } from './commands/secrets'
import { seedCommand } from './commands/seed'
import { serveCommand } from './commands/serve'
import { userAddCommand, userResetPasswordCommand } from './commands/user'

/** Every `ketacare` command, in the order `ketacare --help` lists them. Add one line per command. */
export const commands: CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  userAddCommand,
  userResetPasswordCommand,
  auditVerifyCommand,
  exportCommand,
  fhirExportCommand,
  ledgerVerifyCommand,
  ledgerReportCommand,
  backupCommand,
  restoreCommand,
  secretsRotateKeyCommand,
  scoreCommand,
  pkCommand,
  doseCommand,
  rulesCommand,
  fhirClientAddCommand,
  fhirClientListCommand,
  fhirClientRevokeCommand,
]
