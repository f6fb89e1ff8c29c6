import { execFileSync } from 'node:child_process';

/** The text of a PDF, as poppler's pdftotext reads it. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
}

/** Page count and size, as poppler's pdfinfo reads them. */
export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string } {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}

/** The text of each page, laid out as printed (columns of a row stay on one line). */
export function pdfPages(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
  return text.split('\f').filter((page, i, pages) => i < pages.length - 1 || page.trim() !== '');
}

/** How many images the PDF shows, as poppler's pdfimages lists them. */
export function pdfImageCount(pdf: Buffer): number {
  const list = execFileSync('pdfimages', ['-list', '-'], { input: pdf }).toString();
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '').length;
}
