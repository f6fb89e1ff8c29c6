// The renderer's own templates, from its build.
import { renderReminder, renderStatement } from '@chasqui/renderer/dist/reminder/render-reminder';
import type { RendererUnderTest, SeededCustomer } from './renderer-under-test';

/**
 * The statement HTML the reminder of a seeded customer prints: its statement
 * as receivables answers GetStatement, through the renderer's template. Checked
 * equal to the statementHtml of the reminder the renderer writes from it.
 */
export async function statementHtml(
  service: RendererUnderTest,
  customer: SeededCustomer,
  asOf: string,
): Promise<string> {
  const statement = await service.statement(customer.id, asOf);
  const { html } = renderStatement(statement);
  const reminder = renderReminder({ statement, invoiceIds: customer.invoiceIds, kind: 'overdue', statementUrl: 'x' });
  if (reminder.statementHtml !== html) throw new Error("renderStatement's HTML is not the reminder's statement");
  return html;
}
