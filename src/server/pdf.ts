import type PDFDocument from 'pdfkit'

export type PdfDoc = PDFKit.PDFDocument

/** pdfkit (and its fonts) load at the first PDF, not at start-up (issue 16: start-up under 1.5 s). */
let pdfkit: Promise<typeof PDFDocument> | undefined

/** Renders a printable US-letter document into memory; records are small, so no streaming. */
export async function renderPdf(
  info: { title: string; subject?: string },
  build: (doc: PdfDoc) => void,
): Promise<Buffer> {
  pdfkit ??= import('pdfkit').then((module) => module.default)
  const Document = await pdfkit
  return new Promise((resolve, reject) => {
    const doc = new Document({
      size: 'LETTER',
      margin: 54,
      info: { Title: info.title, Subject: info.subject ?? info.title, Producer: 'KetaCare' },
      bufferPages: true,
    })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    build(doc)
    // Page numbers on every page, added once the page count is known.
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      doc
        .fontSize(8)
        .fillColor('#666')
        .text(`${info.title} — page ${i + 1} of ${range.count}`, 54, doc.page.height - 40, {
          align: 'center',
          lineBreak: false,
        })
    }
    doc.end()
  })
}
