import { DEFAULT_BRAND } from '../../reminder/brand';
import { renderReminder } from '../../reminder/render-reminder';
import { aCustomer, aStatement } from '../../../test/factories/statement.factory';
import type { Preview } from '../preview-reminder/preview-reminder.usecase';
import { previewFormPage, previewPage, type PreviewForm } from './preview-page';

const form: PreviewForm = {
  customerId: '"><script>x</script>',
  asOf: '2025-03-31',
  ruleId: '',
  templateId: '',
  kind: 'overdue',
};

function aPreview(legalName: string): Preview {
  const statement = aStatement({ customer: aCustomer({ legalName }) });
  const logo = { contentType: 'image/png', content: Buffer.from('png-bytes') };
  const email = renderReminder({
    statement,
    invoiceIds: ['inv-1'],
    kind: 'overdue',
    brand: { ...DEFAULT_BRAND, logo },
  });
  return {
    statement,
    recipients: { to: ['a@b.example'], cc: [], bcc: [] },
    template: {},
    email,
    pdf: Buffer.from('%PDF-1.7'),
    attachments: [{ filename: 'logo', contentType: 'image/png', content: logo.content, contentId: 'logo@chasqui' }],
  };
}

describe('the preview page', () => {
  it('puts the email in a sandboxed frame as text of an attribute, its logo as data', () => {
    const page = previewPage(form, aPreview('Cliente "Uno" <b>'));
    const srcdoc = /<iframe id="email" title="The email" sandbox srcdoc="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(srcdoc).not.toBe('');
    expect(srcdoc).not.toContain('<');
    expect(srcdoc).toContain(`data:image/png;base64,${Buffer.from('png-bytes').toString('base64')}`);
    expect(srcdoc).not.toContain('cid:');
    expect(page).toContain('<object id="pdf" type="application/pdf" data="data:application/pdf;base64,JVBERi0xLjc="');
  });

  it('shows back what was typed as text, never as markup', () => {
    for (const page of [previewFormPage(form, '<i>problem</i>'), previewPage(form, aPreview('x'))]) {
      expect(page).not.toContain('<script>');
      expect(page).toContain('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    }
    expect(previewFormPage(form, '<i>problem</i>')).toContain('&lt;i&gt;problem&lt;/i&gt;');
  });
});
