import { documentUrl, openDocumentLink, signDocumentLink } from './document-link';
import { signStatementLink } from './statement-link';

const SECRET = 'a-secret-of-enough-length';
const link = {
  tenantId: '0b9c6a3e-8f4e-4a63-9a3c-2f1d9b7c1a10',
  attachmentId: '5d2f7e1c-3b4a-4c8d-9e0f-1a2b3c4d5e6f',
  expiresAt: 2_000_000_000,
};

describe('document links', () => {
  it('open to the document they were signed for, until they expire', () => {
    const token = signDocumentLink(SECRET, link);
    expect(openDocumentLink(SECRET, token, 1_999_999_999)).toEqual({ link });
    expect(openDocumentLink(SECRET, token, 2_000_000_001)).toEqual({ refused: 'expired' });
  });

  it('refuse another secret, an altered token, and a statement link', () => {
    const token = signDocumentLink(SECRET, link);
    expect(openDocumentLink('another-secret-of-length', token, 0)).toEqual({ refused: 'invalid' });
    expect(openDocumentLink(SECRET, `x${token}`, 0)).toEqual({ refused: 'invalid' });
    const statement = signStatementLink(SECRET, {
      tenantId: link.tenantId,
      customerId: link.attachmentId,
      asOf: '2026-11-22',
      expiresAt: link.expiresAt,
    });
    expect(openDocumentLink(SECRET, statement, 0)).toEqual({ refused: 'invalid' });
  });

  it('is an address under /documents/', () => {
    expect(documentUrl('https://estados.example/', 'abc.def')).toBe('https://estados.example/documents/abc.def');
  });
});
