import { toCsv } from '../../../domain/csv'
import { type PdfDoc, renderPdf } from '../../pdf'

/** A report as a titled table: the same model renders to CSV and to PDF. */
export interface ReportTable {
  title: string
  /** Registrant, period, who generated it and when: shown above the table in the PDF. */
  heading: string[]
  columns: { label: string; width: number; align?: 'left' | 'right' }[]
  rows: string[][]
  /** Totals and notes below the table. */
  footer: string[]
  filename: string
}

/** The table as CSV, header row first (one formula-injection policy: src/domain/csv.ts). */
export function reportCsv(table: ReportTable): string {
  return toCsv([table.columns.map((c) => c.label), ...table.rows])
}

const fontSize = 7.5
const padding = 3

export function toPdf(table: ReportTable): Promise<Buffer> {
  return renderPdf({ title: table.title }, (doc) => {
    doc.fontSize(15).fillColor('#000').text(table.title)
    doc.moveDown(0.3).fontSize(9).fillColor('#333')
    for (const line of table.heading) doc.text(line)
    doc.moveDown(0.6)
    const left = doc.page.margins.left
    const usable = doc.page.width - left - doc.page.margins.right
    const scale = usable / table.columns.reduce((sum, c) => sum + c.width, 0)
    const widths = table.columns.map((c) => c.width * scale)
    drawRow(
      doc,
      table.columns.map((c) => c.label),
      widths,
      table.columns,
      true,
    )
    if (table.rows.length === 0) doc.fontSize(9).fillColor('#555').text('No entries in this period.', left)
    for (const row of table.rows) drawRow(doc, row, widths, table.columns, false)
    doc.moveDown(0.8).fontSize(9).fillColor('#000')
    for (const line of table.footer) doc.text(line, left)
  })
}

function drawRow(
  doc: PdfDoc,
  cells: string[],
  widths: number[],
  columns: ReportTable['columns'],
  isHeader: boolean,
) {
  doc.font(isHeader ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize)
  const height =
    Math.max(
      ...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * padding })),
    ) +
    2 * padding
  const bottom = doc.page.height - doc.page.margins.bottom - 14
  if (doc.y + height > bottom) doc.addPage()
  const top = doc.y
  let x = doc.page.margins.left
  if (isHeader)
    doc
      .rect(
        x,
        top,
        widths.reduce((a, b) => a + b, 0),
        height,
      )
      .fill('#e8eef3')
  doc.fillColor('#000')
  cells.forEach((text, i) => {
    doc.text(text, x + padding, top + padding, {
      width: widths[i]! - 2 * padding,
      align: columns[i]?.align ?? 'left',
      lineBreak: true,
    })
    x += widths[i]!
  })
  doc
    .moveTo(doc.page.margins.left, top + height)
    .lineTo(x, top + height)
    .lineWidth(0.3)
    .strokeColor('#bbb')
    .stroke()
  doc.font('Helvetica')
  doc.x = doc.page.margins.left
  doc.y = top + height
}
