import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseSecretKey, type SecretKey, SecretKeyError } from './secret-box'

// The embedded default keeps its key in the data folder so a clinic trying KetaCare on one machine
// needs no set-up; the file is created with mode 0600 on first start. It is deliberately not part
// of a backup (backups are logical dumps of the database), so a stolen backup does not carry the key
// that opens its TOTP secrets.

export const keyFileName = 'secret.key'

export function keyFilePath(dataDir: string): string {
  return join(resolve(dataDir), keyFileName)
}

export function readKeyFile(path: string): SecretKey {
  const key = parseSecretKey(readFileSync(path, 'utf8'))
  if (!key) throw new SecretKeyError(`${path} does not hold a key (32 bytes as base64 or hex on one line).`)
  return key
}

/** Writes a new key file readable by its owner only; refuses to overwrite one. */
export function writeKeyFile(path: string, key: SecretKey): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${key.exportBase64()}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600) // the umask may have removed bits; never added them, but be explicit
}

export function keyFileExists(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

/** Where `secrets rotate-key` writes the new key before re-encrypting (embedded default). */
export function pendingKeyFilePath(path: string): string {
  return `${path}.new`
}

/** After a committed rotation: keep the old key beside (old backups need it), the new one in place. */
export function swapInNewKeyFile(path: string, oldKeyId: string): string {
  const retired = `${path}.retired-${oldKeyId}`
  renameSync(path, retired)
  renameSync(pendingKeyFilePath(path), path)
  return retired
}

/**
 * A rotation that committed but stopped before swapping the files leaves the database under the
 * key in `secret.key.new`; finish the swap rather than refuse to start.
 */
export function finishInterruptedRotation(path: string, recordedKeyId: string): SecretKey | undefined {
  const pending = pendingKeyFilePath(path)
  if (!keyFileExists(pending)) return undefined
  const key = readKeyFile(pending)
  if (key.id !== recordedKeyId) return undefined
  swapInNewKeyFile(path, readKeyFile(path).id)
  return key
}
