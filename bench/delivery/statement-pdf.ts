// The renderer's own code, from its build: the PDF attached here is the one it makes.
import type { receivables } from '@chasqui/contracts';
import { ChromiumPool } from '@chasqui/renderer/dist/pdf/chromium-pool';
import { renderStatement } from '@chasqui/renderer/dist/reminder/render-reminder';

/** A customer owing `lines` invoices, as receivables answers GetStatement. */
function statement(lines: number): receivables.Statement {
  const line = (i: number): receivables.StatementLine => ({
    invoiceId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    number: `A-${1000 + i}`,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    currency: 'MXN',
    totalMinor: String(1_234_550 + i * 1000),
    balanceMinor: String(1_234_550 + i * 1000),
    daysOverdue: 62,
  });
  return {
    tenant: { name: 'Ferretería La Paloma', country: 'MX', timeZone: 'America/Mexico_City', locale: 'es-MX' },
    customer: { legalName: 'Comercial López S.A. de C.V.', taxId: 'CLO010101AAA', locale: '' },
    asOf: '2026-12-02',
    lines: Array.from({ length: lines }, (_, i) => line(i)),
    totals: [],
  } as unknown as receivables.Statement;
}

/**
 * The statement PDF the renderer attaches, made the way it makes it: its own
 * template and its own Chromium pool, for a customer with `lines` open invoices.
 */
export async function realStatementPdf(chromiumPath: string, lines = 12): Promise<Buffer> {
  const pool = new ChromiumPool({ executablePath: chromiumPath, pages: 1 });
  await pool.start();
  try {
    return await pool.renderPdf(renderStatement(statement(lines)).html);
  } finally {
    await pool.stop();
  }
}
