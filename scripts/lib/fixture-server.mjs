// Serves the fixture pages at their real URLs (http and https, one port) so the extension
// sees www.maghress.com, hespress.com, … on this machine with no internet.
// Chromium reaches it with --host-resolver-rules, Firefox through it as an HTTP proxy
// (absolute-URI requests and CONNECT tunnels). TLS uses a test-only self-signed certificate;
// browsers are launched with ignoreHTTPSErrors.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { loadFixtures } from '../../tests/fixtures/index.mjs';

const certDir = fileURLToPath(new URL('../../tests/e2e/lib/certs/', import.meta.url));
const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)$|\/thumb\/?$|\/image\//i;

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small landscape PNG whose colours depend on the URL, so different images look different. */
export function placeholderPng(seed, width = 480, height = 270) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const [r, g, b] = [h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff];
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const sky = y < height * 0.6;
    for (let x = 0; x < width; x++) {
      const shade = sky ? 0.55 + (0.45 * y) / height : 0.35 + (0.3 * x) / width;
      row[1 + x * 3] = Math.min(255, r * shade + 40);
      row[2 + x * 3] = Math.min(255, g * shade + 40);
      row[3 + x * 3] = Math.min(255, b * shade + 40);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pageKey = (url) => `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '') || '/'}${url.search}`;

export async function startFixtureServer() {
  const pages = new Map();
  const fixtures = loadFixtures();
  for (const fixture of fixtures) pages.set(pageKey(new URL(fixture.url)), () => readFileSync(join(fixture.dir, 'page.html')));
  const images = new Map();
  const requests = [];

  const handle = (req, res, scheme) => {
    let url;
    try {
      url = req.url.startsWith('http') ? new URL(req.url) : new URL(req.url, `${scheme}://${req.headers.host}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(url.href);
    const page = pages.get(pageKey(url));
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page());
      return;
    }
    if (IMAGE_PATH.test(url.pathname)) {
      if (!images.has(url.href)) images.set(url.href, placeholderPng(url.href));
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      res.end(images.get(url.href));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
  };

  const httpServer = http.createServer((req, res) => handle(req, res, 'http'));
  const tlsServer = https.createServer(
    { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) },
    (req, res) => handle(req, res, 'https'),
  );
  // TLS gets its own internal port; TLS sockets read their handle directly, so bytes we
  // already read cannot be handed back: we pipe instead.
  await new Promise((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  const tlsPort = tlsServer.address().port;
  const pipeToTls = (socket, first) => {
    const upstream = net.connect(tlsPort, '127.0.0.1');
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    if (first?.length) upstream.write(first);
    socket.pipe(upstream).pipe(socket);
  };
  // A CONNECT tunnel (Firefox through the proxy) ends up in the TLS server too.
  httpServer.on('connect', (req, socket, head) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    pipeToTls(socket, head);
  });
  // One public port for both: a TLS ClientHello starts with 0x16, plain HTTP with a letter.
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      if (first[0] === 0x16) {
        pipeToTls(socket, first);
        return;
      }
      socket.pause();
      socket.unshift(first);
      httpServer.emit('connection', socket);
      socket.resume();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    port,
    fixtures,
    requests,
    /** Serves extra HTML at a URL for one test (a forged-message page, an SPA…). */
    setPage(url, html) {
      pages.set(pageKey(new URL(url)), () => Buffer.from(html));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      tlsServer.closeAllConnections();
      httpServer.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => tlsServer.close(resolve));
    },
  };
}
