#!/usr/bin/env node
// Issue 15: no reply is `z.unknown()` or `z.any()`, so /openapi.json and the web app's types say
// what every route sends. Fails naming the file and line of each one in src/contract and in the
// features' routes.ts. A request schema may still accept anything where it must (none does today),
// with `// contract: allow-unknown (why)` on the same line.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const pattern = /\bz\s*\.\s*(unknown|any)\s*\(\s*\)/
const allowMark = 'contract: allow-unknown'

function* files(dir, accept) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path, accept)
    else if (accept(path)) yield path
  }
}

const isSource = (path) => path.endsWith('.ts') && !path.endsWith('.test.ts')
const targets = [
  ...files(join(root, 'src/contract'), isSource),
  ...files(join(root, 'src/server/features'), (path) => path.endsWith('/routes.ts')),
]

const findings = []
for (const path of targets) {
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, '')
      if (pattern.test(code) && !line.includes(allowMark))
        findings.push(`${relative(root, path)}:${index + 1}: ${line.trim()}`)
    })
}

if (findings.length > 0) {
  console.error(`check-contract: ${findings.length} schema(s) accept anything; type the reply instead:`)
  for (const finding of findings) console.error(`  ${finding}`)
  process.exit(1)
}
console.log(`check-contract: ${targets.length} files, no z.unknown() or z.any()`)
