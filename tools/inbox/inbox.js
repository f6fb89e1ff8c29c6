// A local inbox for the demo: an SMTP server that keeps every message it gets
// as a raw .eml file, and a small web page (and JSON API) to read them.
// Accepts any mail without authentication: bind it to a loopback address only.
//   node tools/inbox/inbox.js
//   INBOX_SMTP_PORT (1025), INBOX_HTTP_PORT (8025), INBOX_HOST (127.0.0.1), INBOX_DIR (.demo/inbox)
'use strict';
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const HOST = process.env.INBOX_HOST || '127.0.0.1';
const SMTP_PORT = Number(process.env.INBOX_SMTP_PORT || 1025);
const HTTP_PORT = Number(process.env.INBOX_HTTP_PORT || 8025);
const DIR = path.resolve(process.env.INBOX_DIR || path.join(__dirname, '..', '..', '.demo', 'inbox'));
const MAX_BYTES = 30 * 1024 * 1024;

fs.mkdirSync(DIR, { recursive: true });

// ---- storage: <received-ms>-<random>.eml; the name sorts by arrival and never collides.
const ID = /^(\d{13})-[0-9a-f]{8}$/;
const file = (id) => path.join(DIR, `${id}.eml`);

function save(raw) {
  const id = `${Date.now()}-${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(`${file(id)}.part`, raw);
  fs.renameSync(`${file(id)}.part`, file(id)); // the listing never sees half a message
  return id;
}

function ids() {
  return fs
    .readdirSync(DIR)
    .map((name) => name.replace(/\.eml$/, ''))
    .filter((id) => ID.test(id))
    .sort()
    .reverse();
}

const exists = (id) => ID.test(id) && fs.existsSync(file(id));
const parse = (id) => simpleParser(fs.readFileSync(file(id)));
const filename = (attachment, n) => attachment.filename || `attachment-${n + 1}`;
const addresses = (field) =>
  [field || []]
    .flat()
    .map((a) => a.text)
    .join(', ');
const received = (id) => new Date(Number(ID.exec(id)[1])).toISOString();

const summaries = new Map(); // messages never change, so each is parsed once
async function summary(id) {
  if (!summaries.has(id)) {
    const mail = await parse(id);
    summaries.set(id, {
      id,
      messageId: mail.messageId || null,
      from: addresses(mail.from),
      to: addresses(mail.to),
      subject: mail.subject || '',
      date: received(id), // when the inbox received it; the header Date is on the message page
      attachments: mail.attachments.map((a, n) => ({
        filename: filename(a, n),
        contentType: a.contentType || 'application/octet-stream',
        size: a.size,
      })),
    });
  }
  return summaries.get(id);
}

// ---- SMTP
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  size: MAX_BYTES,
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
      try {
        callback(null, `stored as ${save(Buffer.concat(chunks))}`);
      } catch (error) {
        console.error(`inbox: cannot store a message: ${error.message}`);
        callback(Object.assign(new Error('cannot store the message'), { responseCode: 451 }));
      }
    });
  },
});
function fatal(error) {
  console.error(`inbox: ${error.message}`);
  process.exit(1);
}
// A port taken is fatal; a client dropping its connection is not.
smtp.on('error', (error) =>
  error.syscall === 'listen' ? fatal(error) : console.error(`inbox: smtp: ${error.message}`),
);

// ---- HTTP
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}a{color:#0645ad}
iframe{width:100%;height:70vh;border:1px solid #ccc}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}`;

function page(title, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

async function listPage() {
  const rows = await Promise.all(ids().map(summary));
  const trs = rows.map(
    (m) => `<tr><td>${esc(m.date)}</td><td>${esc(m.from)}</td><td>${esc(m.to)}</td>
      <td><a href="/messages/${esc(m.id)}">${esc(m.subject || '(no subject)')}</a></td><td>${m.attachments.length}</td></tr>`,
  );
  return page(
    'Inbox',
    `<h1>Inbox (${rows.length})</h1><table><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th><th>Attachments</th></tr>
    ${trs.join('\n') || '<tr><td colspan="5">No messages yet.</td></tr>'}</table>`,
  );
}

async function messagePage(id) {
  const mail = await parse(id);
  const body = mail.html || `<pre>${esc(mail.text || '')}</pre>`;
  const links = mail.attachments.map(
    (a, n) =>
      `<li><a href="/messages/${id}/attachments/${n}">${esc(filename(a, n))}</a> (${esc(a.contentType)}, ${a.size} bytes)</li>`,
  );
  return page(
    mail.subject || '(no subject)',
    `<p><a href="/">&larr; Inbox</a> · <a href="/messages/${id}.eml">raw .eml</a></p>
    <h1>${esc(mail.subject || '(no subject)')}</h1>
    <dl><dt>From</dt><dd>${esc(addresses(mail.from))}</dd><dt>To</dt><dd>${esc(addresses(mail.to))}</dd>
    <dt>Date</dt><dd>${esc(mail.date ? mail.date.toISOString() : '')}</dd><dt>Received</dt><dd>${esc(received(id))}</dd>
    <dt>Message-ID</dt><dd>${esc(mail.messageId)}</dd></dl>
    ${links.length ? `<h2>Attachments</h2><ul>${links.join('')}</ul>` : ''}
    <iframe sandbox="" srcdoc="${esc(body)}" title="message body"></iframe>`,
  );
}

// A header value safe for Content-Disposition: ASCII fallback plus the UTF-8 name.
function disposition(name) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function route(url, res) {
  const html = (body) => send(res, 200, 'text/html; charset=utf-8', body);
  let m;
  if (url === '/') return html(await listPage());
  if (url === '/api/messages')
    return send(res, 200, 'application/json', JSON.stringify(await Promise.all(ids().map(summary))));
  if ((m = /^\/messages\/([\w-]+)\.eml$/.exec(url)) && exists(m[1])) {
    res.setHeader('content-disposition', disposition(`${m[1]}.eml`));
    return send(res, 200, 'message/rfc822', fs.readFileSync(file(m[1])));
  }
  if ((m = /^\/messages\/([\w-]+)$/.exec(url)) && exists(m[1])) return html(await messagePage(m[1]));
  if ((m = /^\/messages\/([\w-]+)\/attachments\/(\d+)$/.exec(url)) && exists(m[1])) {
    const attachment = (await parse(m[1])).attachments[Number(m[2])];
    if (attachment) {
      const valid = /^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType);
      res.setHeader('content-disposition', disposition(filename(attachment, Number(m[2]))));
      return send(res, 200, valid ? attachment.contentType : 'application/octet-stream', attachment.content);
    }
  }
  return send(res, 404, 'text/plain', 'not found');
}

function send(res, status, type, body) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    // No script runs here, and the mail's own HTML stays inside its sandbox.
    'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; font-src data:",
  });
  res.end(body);
}

const web = http.createServer((req, res) => {
  const url = (req.url || '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  route(url, res).catch((error) => {
    console.error(`inbox: ${url}: ${error.stack || error}`);
    if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
  });
});

web.on('error', fatal);
smtp.listen(SMTP_PORT, HOST, () =>
  web.listen(HTTP_PORT, HOST, () =>
    console.log(
      `inbox: SMTP on smtp://${HOST}:${SMTP_PORT}, messages at http://${HOST}:${HTTP_PORT} (stored in ${DIR})`,
    ),
  ),
);

// Stopping at once loses nothing: a stored message is complete (rename), and a
// message not yet acknowledged is the sender's to retry.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
