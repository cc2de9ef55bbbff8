import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/test-database'
import type { CliIo } from '../command'
import { runCli } from '../run-cli'

// The operator's view of issue 13's backups and key rotation, through `ketacare` itself.

function bufferIo(env: Record<string, string>) {
  const out: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    env: { LOG_LEVEL: 'silent', KETACARE_DEMO_HISTORY_PATIENTS: '0', ...env },
    isTty: false,
  }
  return { io, text: () => out.join('') }
}

async function cli(argv: string[], env: Record<string, string>) {
  const io = bufferIo(env)
  const code = await runCli(argv, io.io)
  return { code, text: io.text() }
}

const mode = (path: string) => statSync(path).mode & 0o777

describe('ketacare backup, restore and secrets rotate-key', () => {
  it('backs up the seeded clinic, restores it only into an empty database, and the chains verify', async () => {
    const source = await createTestDatabase({ onDisk: true })
    const embedded = source.handle.kind === 'pglite'
    if (embedded) await source.handle.close() // the CLI opens the folder itself; one opener at a time
    const folder = mkdtempSync(join(tmpdir(), 'ketacare-cli-backup-'))
    const file = join(folder, 'clinic.backup.gz')
    try {
      const seed = await cli(['seed'], source.env)
      expect(seed.code).toBe(0)
      if (embedded) {
        const keyFile = join(source.env.KETACARE_DATA_DIR!, 'secret.key')
        expect(seed.text).toContain(`Created the secret key ${keyFile}`)
        expect(seed.text).toMatch(/Back it up separately/)
        expect(mode(keyFile)).toBe(0o600)
      }
      const backup = await cli(['backup', '--out', file], source.env)
      expect(backup.code).toBe(0)
      expect(backup.text).toMatch(/Backup written to .*: \d+ rows in \d+ tables, checked/)
      expect(backup.text).toMatch(/secret key .* is NOT in the backup/)
      expect(mode(file)).toBe(0o600)
      expect((await cli(['backup', '--out', file], source.env)).code).toBe(2)

      const intoItself = await cli(['restore', file], source.env)
      expect(intoItself.code).toBe(2)
      expect(intoItself.text).toMatch(/not empty/)

      const target = embedded
        ? { env: { KETACARE_DATA_DIR: join(folder, 'restored') }, close: async () => {} }
        : await createTestDatabase({ empty: true }).then((d) => ({ env: d.env, close: d.handle.close }))
      try {
        if (embedded) {
          const noKey = await cli(['restore', file], target.env)
          expect(noKey.code).toBe(2)
          expect(noKey.text).toMatch(/encrypted under key [0-9a-f]{8}, and no key is configured/)
          expect(existsSync(join(folder, 'restored', 'PG_VERSION'))).toBe(false)
          // The operator puts back the key kept apart from the backup; the folder may hold only that.
          mkdirSync(join(folder, 'restored'))
          copyFileSync(
            join(source.env.KETACARE_DATA_DIR!, 'secret.key'),
            join(folder, 'restored', 'secret.key'),
          )
        }
        const restore = await cli(['restore', file], target.env)
        expect(restore.text).toMatch(/Restored \d+ rows/)
        expect(restore.text).toMatch(/Audit trail intact \(\d+ chains\)/)
        expect(restore.text).toMatch(/Ledger intact \(2 clinics\)/)
        expect(restore.code).toBe(0)
        expect((await cli(['audit', 'verify'], target.env)).code).toBe(0)
        expect((await cli(['ledger', 'verify'], target.env)).code).toBe(0)
        expect((await cli(['restore', file], target.env)).code).toBe(2)
      } finally {
        await target.close()
      }
    } finally {
      if (!embedded) await source.handle.close()
    }
  }, 240_000)

  it('rotates the key so the old one no longer opens the secrets, and never loses the new one', async () => {
    const source = await createTestDatabase({ onDisk: true })
    const embedded = source.handle.kind === 'pglite'
    if (embedded) await source.handle.close()
    const folder = mkdtempSync(join(tmpdir(), 'ketacare-cli-rotate-'))
    try {
      expect((await cli(['seed'], source.env)).code).toBe(0)
      if (embedded) {
        const dir = source.env.KETACARE_DATA_DIR!
        const rotate = await cli(['secrets', 'rotate-key'], source.env)
        expect(rotate.code).toBe(0)
        expect(rotate.text).toMatch(/key ([0-9a-f]{8}) → ([0-9a-f]{8})/)
        const [, from] = /key ([0-9a-f]{8}) → ([0-9a-f]{8})/.exec(rotate.text)!
        const files = readdirSync(dir).filter((n) => n.startsWith('secret.key'))
        expect(files.sort()).toEqual(['secret.key', `secret.key.retired-${from}`])
        expect(mode(join(dir, 'secret.key'))).toBe(0o600)
        // The next start finds the new key in place and the secrets under it.
        expect((await cli(['audit', 'verify'], source.env)).code).toBe(0)
      } else {
        const refused = await cli(['secrets', 'rotate-key'], source.env)
        expect(refused.code).toBe(2)
        expect(refused.text).toMatch(/--new-key-file FILE is required/)
        const keyFile = join(folder, 'new.key')
        const rotate = await cli(['secrets', 'rotate-key', '--new-key-file', keyFile], source.env)
        expect(rotate.code).toBe(0)
        expect(mode(keyFile)).toBe(0o600)
        expect(rotate.text).toMatch(/set KETACARE_SECRET_KEY to the contents of/)
        const oldKey = await cli(['audit', 'verify'], source.env)
        expect(oldKey.code).toBe(1)
        expect(oldKey.text).toMatch(/encrypted under key [0-9a-f]{8}/)
        const withNew = { ...source.env, KETACARE_SECRET_KEY: readFileSync(keyFile, 'utf8').trim() }
        expect((await cli(['audit', 'verify'], withNew)).code).toBe(0)
      }
    } finally {
      if (!embedded) await source.handle.close()
    }
  }, 240_000)
})
