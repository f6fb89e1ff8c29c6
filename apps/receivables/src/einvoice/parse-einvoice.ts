import { parseCfdi } from './cfdi';
import { parseDte } from './dte';
import { refuse, type Parsed } from './einvoice';
import { readXml, type XmlNode } from './xml';

/** Any supported e-invoice XML: a CFDI (Mexico) or a DTE (Chile), told apart by the root element. */
export function parseEInvoice(bytes: Uint8Array): Parsed {
  const xml = readXml(bytes);
  if (!xml.ok) return refuse(xml.reason);
  const rootName = Object.keys(xml.root).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (!rootName) return refuse('has no root element');
  // An empty element reads as ''.
  const value = xml.root[rootName];
  const root = value && typeof value === 'object' ? (value as XmlNode) : {};
  switch (rootName) {
    case 'Comprobante':
      return parseCfdi(root);
    case 'DTE':
    case 'EnvioDTE':
    case 'AEC':
      return parseDte(rootName, root);
    case 'Retenciones':
      return refuse('is a CFDI de retenciones (a withholding certificate), not a receivable');
    default:
      return refuse(`has root element <${rootName}>; a CFDI <Comprobante> or a DTE <DTE> is expected`);
  }
}
