import type { ReminderKind } from '../../reminder/templates';
import type { Preview } from '../preview-reminder/preview-reminder.usecase';

/** What the person typed, shown back in the form. */
export interface PreviewForm {
  customerId: string;
  asOf: string;
  ruleId: string;
  templateId: string;
  kind: string;
}

/** The kinds a person may preview, as the form's select names them. */
export const KINDS: ReminderKind[] = [
  'overdue',
  'due_soon',
  'invoice_issued',
  'statement',
  'account_closing',
  'account_closed',
];

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The page's own policy: nothing loads but what the page carries (inline styles,
 * data: images and the data: PDF), no script runs, the form posts only here.
 * The email sits in a sandboxed srcdoc frame, which inherits this policy.
 */
export const PREVIEW_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' data:; object-src data:; form-action 'self'; base-uri 'none'";

const STYLE = `
  body { margin: 0; font: 14px/1.45 Arial, Helvetica, sans-serif; color: #1f2933; background: #f4f5f7; }
  header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #e4e7eb; }
  form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
  label { display: flex; flex-direction: column; font-size: 12px; color: #52606d; }
  input, select { font: inherit; padding: 4px 6px; min-width: 10em; }
  .error { margin: 12px 20px; padding: 10px 14px; background: #fdf2f2; color: #9b1c1c; border-left: 4px solid #c81e1e; }
  .meta { margin: 12px 20px 0; }
  .meta dt { font-size: 12px; color: #52606d; }
  .meta dd { margin: 0 0 6px; font-weight: bold; overflow-wrap: anywhere; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px 20px; }
  section h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #52606d; margin: 0 0 6px; }
  iframe, object { width: 100%; height: 78vh; border: 1px solid #cbd2d9; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #cbd2d9; padding: 12px; overflow-wrap: anywhere; }
`;

function formHtml(form: PreviewForm): string {
  const options = ['', ...KINDS]
    .map((kind) => `<option value="${kind}"${kind === form.kind ? ' selected' : ''}>${kind || '—'}</option>`)
    .join('');
  return `<form method="post" action="/preview">
<label>API key<input type="password" name="api_key" required autocomplete="off"></label>
<label>Customer id<input name="customer_id" required value="${escape(form.customerId)}"></label>
<label>As of<input type="date" name="as_of" required value="${escape(form.asOf)}"></label>
<label>Rule id<input name="rule_id" value="${escape(form.ruleId)}"></label>
<label>or template id<input name="template_id" value="${escape(form.templateId)}"></label>
<label>or kind<select name="kind">${options}</select></label>
<button type="submit">Preview</button>
</form>`;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>${body}</body>
</html>`;
}

/** The form alone, with a problem to fix when there is one. */
export function previewFormPage(form: PreviewForm, problem?: string): string {
  const error = problem ? `<p class="error" role="alert">${escape(problem)}</p>` : '';
  return page('Chasqui · reminder preview', `<header>${formHtml(form)}</header>${error}`);
}

/** The email as the customer would read it, beside the statement PDF it carries. */
export function previewPage(form: PreviewForm, preview: Preview): string {
  const { email, pdf, recipients, template, attachments } = preview;
  // The email shows its logo by cid:, which only a mail client resolves; here it becomes the data it is.
  let html = email.html;
  for (const image of attachments.filter((a) => a.contentId)) {
    const data = `data:${image.contentType};base64,${Buffer.from(image.content).toString('base64')}`;
    html = html.split(`cid:${image.contentId}`).join(data);
  }
  const version = template.templateId ? `${template.templateId}, version ${template.version}` : 'built-in default';
  const body = `<header>${formHtml(form)}</header>
<dl class="meta">
<dt>Subject</dt><dd id="subject">${escape(email.subject)}</dd>
<dt>From</dt><dd id="from">${escape(email.fromName || '(the tenant’s sender settings)')}</dd>
<dt>To</dt><dd id="to">${escape(recipients.to.join(', ') || '(nobody: no contact receives reminders)')}</dd>
<dt>Template</dt><dd id="template">${escape(version)}</dd>
</dl>
<main>
<section><h2>Email</h2><iframe id="email" title="The email" sandbox srcdoc="${escape(html)}"></iframe>
<h2>Text</h2><pre id="text">${escape(email.text)}</pre></section>
<section>${
    pdf
      ? `<h2>${escape(email.statementFilename)}</h2>
<object id="pdf" type="application/pdf" data="data:application/pdf;base64,${pdf.toString('base64')}">
<p>This browser shows no PDF inline.</p></object>`
      : '<h2>Statement</h2><p id="pdf-none">This reminder carries its invoices’ documents, not the statement.</p>'
  }
<h2>Attachments</h2><ul id="attachments">${attachments
    .filter((a) => !a.contentId)
    .map((a) => `<li>${escape(a.filename)}</li>`)
    .join('')}</ul></section>
</main>`;
  return page(`Preview · ${email.subject}`, body);
}
