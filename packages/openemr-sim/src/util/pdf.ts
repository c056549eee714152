import PDFDocument from 'pdfkit';

/** Renders a one-page text PDF; CreationDate is pinned so the bytes are identical on every run. */
export function makePdf(title: string, lines: string[], date: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: title, Producer: 'openemr-sim', Creator: 'openemr-sim', CreationDate: new Date(`${date}T12:00:00Z`) } });
    const bufs: Buffer[] = [];
    doc.on('data', (b: Buffer) => bufs.push(b));
    doc.on('end', () => resolve(Buffer.concat(bufs)));
    doc.on('error', reject);
    doc.fontSize(18).text(title);
    doc.moveDown();
    doc.fontSize(11);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}
