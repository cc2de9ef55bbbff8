// Writes Brotli (.br) and gzip (.gz) copies beside the built web app's text files, once at build
// time, so the server sends them as they are (@fastify/static `preCompressed`, src/server/plugins/
// web.ts) at the best compression levels, with no work per request. Run at the end of `npm run build`.
// HTML is left out: every page carries a per-response CSP nonce, so the server never sends an HTML
// file as it is stored (it compresses pages per response instead).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const webDir = process.argv[2] ?? 'dist/web'
const compressible = /\.(js|mjs|css|svg|json|txt|xml|webmanifest)$/
/** Below this a compressed copy saves less than a network packet. */
const minBytes = 1024

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Compresses one file (on libuv's thread pool, so files go in parallel); returns its sizes. */
async function compressFile(path) {
  const plain = readFileSync(path)
  const variants = {
    br: await brotliAsync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    }),
    gz: await gzipAsync(plain, { level: constants.Z_BEST_COMPRESSION }),
  }
  // A copy that is not clearly smaller is not worth a second file (the plain one is sent instead).
  for (const [extension, bytes] of Object.entries(variants))
    if (bytes.length < plain.length * 0.9) writeFileSync(`${path}.${extension}`, bytes)
  return { plain: plain.length, br: Math.min(variants.br.length, plain.length) }
}

const targets = [...filesUnder(webDir)].filter((p) => compressible.test(p) && statSync(p).size >= minBytes)
const sizes = await Promise.all(targets.map(compressFile))
const plainBytes = sizes.reduce((sum, s) => sum + s.plain, 0)
const brotliBytes = sizes.reduce((sum, s) => sum + s.br, 0)
const count = sizes.length
console.log(
  `compressed ${count} file(s) in ${relative(process.cwd(), webDir) || webDir}: ${Math.round(plainBytes / 1024)} KB → ${Math.round(brotliBytes / 1024)} KB brotli`,
)
