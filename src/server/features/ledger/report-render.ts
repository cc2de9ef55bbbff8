import { toCsv } from '../../../domain/csv'
import { renderPdf } from '../../pdf'

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

export function toPdf(table: ReportTable): Promise<Buffer> {
  return renderPdf({ title: table.title }, (doc) => {
    doc.fontSize(15).fillColor('#000').text(table.title)
    doc.moveDown(0.3).fontSize(9).fillColor('#333')
    for (const line of table.heading) doc.text(line)
    doc.moveDown(0.6)
    const left = doc.page.margins.left
    const usable = doc.page.width - left - doc.page.margins.right
    const scale = usable / table.columns.reduce((sum, c) => sum + c.width, 0)
    doc.font('Helvetica').fontSize(fontSize).fillColor('#000')
    // pdfkit's table measures each row and starts a new page when the next one would not fit.
    doc.table({
      columnStyles: table.columns.map((c) => ({ width: c.width * scale, align: { x: c.align ?? 'left' } })),
      defaultStyle: { padding: 3, border: { top: 0, right: 0, bottom: 0.3, left: 0 }, borderColor: '#bbb' },
      data: [
        table.columns.map((c) => ({
          text: c.label,
          type: 'TH' as const,
          font: { src: 'Helvetica-Bold' },
          backgroundColor: '#e8eef3',
        })),
        ...table.rows,
      ],
    })
    if (table.rows.length === 0) doc.fontSize(9).fillColor('#555').text('No entries in this period.', left)
    doc.moveDown(0.8).fontSize(9).fillColor('#000')
    for (const line of table.footer) doc.text(line, left)
  })
}
