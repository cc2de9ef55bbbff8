// The Content-Disposition header of every download (consent and session PDFs, the REMS form,
// ledger reports as PDF or CSV). File names carry what people typed (an MRN), and an MRN with a
// line break went into the header as it was: header injection, and a 500 when Node refused the
// header. Built here once: an ASCII `filename=` every browser reads, plus RFC 5987/6266
// `filename*=UTF-8''…` when the name has more than ASCII.
//
// A helper of our own rather than the `content-disposition` package: that package is only in
// node_modules as a dependency of @fastify/static (not one of ours to import), and its current
// major needs Node 22 while KetaCare supports Node 20. This is the part of it we need.

/** Characters RFC 5987 `attr-char` allows unescaped (encodeURIComponent also leaves `'()*!`). */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** Control characters (C0, DEL, C1) and the line/paragraph separators: never in a file name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** The file name as a person would want it, with controls, path separators and quotes made safe. */
function cleanName(filename: string): string {
  const cleaned = filename
    .replace(controls, '_')
    .replace(/[\\/"]/g, '_')
    .trim()
  return cleaned === '' ? 'download' : cleaned
}

/** ASCII only: accents dropped (é → e), everything else outside printable ASCII becomes `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%;]/g, '_')
}

export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const name = cleanName(filename)
  const ascii = asciiFallback(name)
  const header = `${kind}; filename="${ascii}"`
  return ascii === name ? header : `${header}; filename*=UTF-8''${encodeRfc5987(name)}`
}
