import type { Migration } from 'kysely/migration'
import * as m001 from './001-init'
import * as m002 from './002-intake'
import * as m003 from './003-sessions'
import * as m004 from './004-ledger'
import * as m005 from './005-referrals'
import * as m006 from './006-outbox'
import * as m007 from './007-portal'
import * as m008 from './008-portal-mfa'
import * as m009 from './009-outcome-summary'
import * as m010 from './010-rems'
import * as m011 from './011-alert-severity'
import * as m012 from './012-dose-limit-override'
import * as m014 from './014-auth-hardening'
import * as m015 from './015-secret-keyring'
import * as m017 from './017-live-updates'
import * as m018 from './018-session-dose-ledger'
import * as m020 from './020-lock-screen'
import * as m021 from './021-patient-address'
import * as m022 from './022-clinic-phone'
import * as m023 from './023-entered-in-error-defaults'
import * as m024 from './024-audit-sealing'
import * as m025 from './025-fhir-export'
import * as m026 from './026-fhir-client'

// Imported statically so the bundled CLI and the embedded database run the same list.
// Add a migration: create NNN-name.ts exporting `up(db: Kysely<unknown>)` (for a plain SQL script,
// `export const up = sqlMigration(`…`)`), then one line here.
export const migrations: Record<string, Migration> = {
  '001-init': m001,
  '002-intake': m002,
  '003-sessions': m003,
  '004-ledger': m004,
  '005-referrals': m005,
  '006-outbox': m006,
  '007-portal': m007,
  '008-portal-mfa': m008,
  '009-outcome-summary': m009,
  '010-rems': m010,
  '011-alert-severity': m011,
  '012-dose-limit-override': m012,
  '014-auth-hardening': m014,
  '015-secret-keyring': m015,
  '017-live-updates': m017,
  '018-session-dose-ledger': m018,
  '020-lock-screen': m020,
  '021-patient-address': m021,
  '022-clinic-phone': m022,
  '023-entered-in-error-defaults': m023,
  '024-audit-sealing': m024,
  '025-fhir-export': m025,
  '026-fhir-client': m026,
}
