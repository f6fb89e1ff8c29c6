// Inline styles: most mail clients drop <style> blocks. The layout is fluid up to 600 px.
const font = 'font-family:Arial,Helvetica,sans-serif;color:#1f2933;';
const cell = 'padding:8px 6px;border-bottom:1px solid #e4e7eb;font-size:14px;';

export const css = {
  body: 'margin:0;padding:0;background-color:#f4f5f7;',
  page: 'background-color:#f4f5f7;',
  pageCell: 'padding:24px 12px;',
  card: `max-width:600px;width:100%;background-color:#ffffff;border-radius:6px;${font}`,
  // The tenant's primary colour is added after these (border-bottom-color, color).
  header: 'padding:20px 24px;border-bottom:3px solid #1f4e79;font-size:20px;font-weight:bold;color:#1f4e79;',
  logo: 'max-height:56px;max-width:240px;border:0;margin:0 0 8px 0;display:inline-block;',
  footer: 'padding:12px 24px;border-top:1px solid #e4e7eb;font-size:12px;color:#52606d;',
  content: 'padding:24px;font-size:15px;line-height:1.5;',
  p: 'margin:0 0 16px 0;',
  link: 'color:#1f4e79;font-weight:bold;text-decoration:underline;',
  table: 'width:100%;border-collapse:collapse;margin:0 0 20px 0;',
  th: `${cell}border-bottom:2px solid #cbd2d9;text-align:left;vertical-align:bottom;font-weight:bold;`,
  thNum: `${cell}border-bottom:2px solid #cbd2d9;text-align:right;vertical-align:bottom;font-weight:bold;`,
  td: cell,
  tdNum: `${cell}text-align:right;white-space:nowrap;`,
  totals:
    'width:100%;border-collapse:collapse;margin:0 0 20px 0;background-color:#fdf2f2;border-left:4px solid #c81e1e;',
  totalsLabel: 'padding:12px 16px 4px 16px;font-size:14px;font-weight:bold;color:#9b1c1c;',
  // The tenant's accent colour is added after this (border-left-color).
  pay: 'width:100%;border-collapse:collapse;margin:0 0 20px 0;background-color:#f5f7fa;border-left:4px solid #c81e1e;',
  payTitle: 'padding:12px 16px 4px 16px;font-size:14px;font-weight:bold;',
  payLine: 'padding:2px 16px 8px 16px;font-size:14px;',
  totalsAmount: 'padding:0 16px 12px 16px;font-size:18px;font-weight:bold;white-space:nowrap;',
} as const;
