import { renderPdf } from '../../pdf'

interface ConsentRecord {
  clinic_name: string
  time_zone: string
  title: string
  body: string
  version: number
  given_name: string
  family_name: string
  mrn: string
  date_of_birth: string
  signer_name: string
  signature_kind: 'drawn' | 'typed'
  signature_data: string
  research_use: boolean
  witness_name: string
  signed_at: Date
  content_hash: string
  withdrawn_at: Date | null
  withdrawal_reason: string | null
}

function formatTime(date: Date, timeZone: string): string {
  return `${date.toLocaleString('en-US', { timeZone, dateStyle: 'long', timeStyle: 'short' })} (${timeZone})`
}

/**
 * The signed consent as a printable record: text, patient, signature, witness and content hash.
 * The wording around the clinic's text is for the patient too (grade 8 or below, consent-pdf.test.ts).
 */
export function renderConsentPdf(r: ConsentRecord): Promise<Buffer> {
  return renderPdf({ title: `${r.title} — ${r.given_name} ${r.family_name}` }, (doc) => {
    doc.fontSize(9).fillColor('#444').text(r.clinic_name, { align: 'right' })
    doc.moveDown(0.5).fontSize(16).fillColor('#000').text(r.title)
    doc.fontSize(9).fillColor('#444').text(`Version ${r.version} of this form`)
    doc
      .moveDown(0.5)
      .fontSize(10)
      .fillColor('#000')
      .text(`Patient: ${r.given_name} ${r.family_name}    MRN: ${r.mrn}    Date of birth: ${r.date_of_birth}`)
    doc.moveDown().fontSize(10).text(r.body, { align: 'left', lineGap: 2 })
    doc.moveDown()
    doc
      .fontSize(10)
      .text(
        `May my answers and results be used for research, with my name and details taken off? ${r.research_use ? 'Yes, I agree.' : 'No, I do not agree.'}`,
      )
    doc.moveDown()
    doc.fontSize(11).text('Patient’s signature', { underline: true })
    if (r.signature_kind === 'drawn' && r.signature_data.startsWith('data:image/png;base64,')) {
      doc.image(Buffer.from(r.signature_data.slice('data:image/png;base64,'.length), 'base64'), {
        fit: [260, 90],
      })
    } else {
      doc.font('Times-Italic').fontSize(20).text(r.signature_data).font('Helvetica')
    }
    doc.fontSize(10).text(`Signed by ${r.signer_name} on ${formatTime(r.signed_at, r.time_zone)}`)
    doc.text(`Witnessed by ${r.witness_name}`)
    doc.moveDown(0.5).fontSize(8).fillColor('#555').text(`Record check code (SHA-256): ${r.content_hash}`)
    if (r.withdrawn_at) {
      doc
        .moveDown()
        .fontSize(12)
        .fillColor('#b00')
        .text(
          `Consent taken back on ${formatTime(r.withdrawn_at, r.time_zone)}: ${r.withdrawal_reason ?? ''}`,
        )
    }
  })
}
