import { extractText, getDocumentProxy } from 'unpdf'

/** The text a reader sees in a PDF, all pages joined, as PDF.js (through `unpdf`) extracts it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(document, { mergePages: true })
  return text
}
