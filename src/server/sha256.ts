import { createHash } from 'node:crypto'

/** SHA-256 of the text's UTF-8 bytes as lowercase hex; the same digest as the domain's `sha256Hex`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
