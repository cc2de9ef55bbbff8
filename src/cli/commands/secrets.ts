import { resolve } from 'node:path'
import { findRunningServer } from '../../server/backup/server-file'
import {
  keyFileExists,
  keyFilePath,
  pendingKeyFilePath,
  readKeyFile,
  swapInNewKeyFile,
  writeKeyFile,
} from '../../server/secrets/key-file'
import { rotateSecretKey } from '../../server/secrets/rotate'
import { SecretBox, SecretKey } from '../../server/secrets/secret-box'
import type { CliCommand } from '../command'
import { parseOptions, UsageError } from '../command'
import { openRuntime, readConfig } from '../runtime'

export const secretsRotateKeyCommand: CliCommand = {
  name: 'secrets rotate-key',
  summary: 'encrypt every TOTP secret under a new secret key (one transaction)',
  help: `Usage: ketacare secrets rotate-key [--new-key-file FILE]

Re-encrypts every staff and patient TOTP secret under a new key in one transaction. The current
key (KETACARE_SECRET_KEY, or <data dir>/secret.key) is needed to read them; if anything fails,
nothing changes and the current key still works. Stop the server(s) first: a server still running
with the old key refuses authenticator codes (naming both keys) until restarted with the new one.

Where the new key comes from, and goes:
  --new-key-file FILE   read from FILE if it exists (base64 or hex of 32 bytes); otherwise a new
                        key is generated and written to FILE (mode 0600) BEFORE anything is
                        re-encrypted, so the new key exists on disk before the old one stops working.
  (no option)           only on the embedded database with its key file: the new key is written
                        to <data dir>/secret.key.new, the secrets re-encrypted, then the old key is
                        kept as secret.key.retired-<id> and the new one becomes secret.key.
With KETACARE_SECRET_KEY, set it to the new key (the contents of FILE) before starting servers.
Backups made before the rotation still need the OLD key: keep it as long as you keep them.`,
  run: async (argv, io) => {
    const { values } = parseOptions(argv, { 'new-key-file': { type: 'string' } })
    const settings = readConfig(io)
    const usesKeyFile = !settings.secretKey && !settings.databaseUrl
    if (!values['new-key-file'] && !usesKeyFile)
      throw new UsageError(
        '--new-key-file FILE is required when the key comes from KETACARE_SECRET_KEY (the new key must be kept somewhere before the old one stops working)',
      )
    if (!settings.databaseUrl) {
      const server = findRunningServer(settings.dataDir)
      if (server)
        throw new UsageError(`a server (process ${server.pid}) is running on this data folder; stop it first`)
    }
    const currentPath = keyFilePath(settings.dataDir)
    const target = values['new-key-file'] ? resolve(values['new-key-file']) : pendingKeyFilePath(currentPath)
    if (!values['new-key-file'] && keyFileExists(target))
      throw new UsageError(
        `${target} already exists from an earlier rotation; if that rotation finished, starting the server completes it; otherwise remove the file and run this again`,
      )
    const runtime = await openRuntime(io)
    try {
      let next: SecretKey
      if (keyFileExists(target)) {
        next = readKeyFile(target)
        io.err(`Using the new key ${next.id} from ${target}.\n`)
      } else {
        next = SecretKey.generate()
        writeKeyFile(target, next)
        io.err(`Wrote the new key ${next.id} to ${target} (mode 0600).\n`)
      }
      const current = runtime.ctx.secrets
      const result = await rotateSecretKey(
        runtime.database.db,
        current,
        new SecretBox(next),
        new Date(),
        (line) => io.err(`${line}\n`),
      )
      io.out(
        `Re-encrypted ${result.staff} staff and ${result.patients} patient TOTP secret(s): key ${result.fromKeyId} → ${result.toKeyId}.\n`,
      )
      if (usesKeyFile && !values['new-key-file']) {
        const retired = swapInNewKeyFile(currentPath, result.fromKeyId)
        io.out(
          `${currentPath} is now key ${result.toKeyId}; the old key is kept as ${retired} for backups made before today.\n`,
        )
      } else {
        io.out(
          `Now set ${usesKeyFile ? `${currentPath} to` : 'KETACARE_SECRET_KEY to'} the contents of ${target} before starting a server; keep the old key for backups made before today.\n`,
        )
      }
      io.out('Back up the new key separately: it is not in database backups.\n')
      return 0
    } finally {
      await runtime.close()
    }
  },
}
