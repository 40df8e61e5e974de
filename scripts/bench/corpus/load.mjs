// Finds the corpora under the directory given on the command line and lists their pages.
// Nothing here is read by the project's build or tests: the directory is an argument.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const READABILITY_HOST = 'https://bench.naqi.test/readability';

const isDir = (p) => existsSync(p) && statSync(p).isDirectory();

/** `dir` may be the folder holding both corpora, or one of them. */
export function findCorpora(dir) {
  const root = resolve(dir);
  const found = {};
  const asReadability = (p) => (isDir(join(p, 'pages')) && readdirSync(join(p, 'pages')).some((n) => existsSync(join(p, 'pages', n, 'source.html'))) ? p : null);
  const asTrafilatura = (p) => (existsSync(join(p, 'evaldata.json')) && isDir(join(p, 'pages')) ? p : null);
  found.readability = asReadability(root) ?? asReadability(join(root, 'readability'));
  found.trafilatura = asTrafilatura(root) ?? asTrafilatura(join(root, 'trafilatura'));
  if (!found.readability) delete found.readability;
  if (!found.trafilatura) delete found.trafilatura;
  return found;
}

export function readabilityPages(dir) {
  const pagesDir = join(dir, 'pages');
  return readdirSync(pagesDir)
    .filter((name) => existsSync(join(pagesDir, name, 'source.html')))
    .sort()
    .map((name) => ({
      corpus: 'readability',
      name,
      url: `${READABILITY_HOST}/${encodeURIComponent(name)}/`,
      file: join(pagesDir, name, 'source.html'),
      expectedFile: join(pagesDir, name, 'expected.html'),
    }));
}

/**
 * Most keys of evaldata.json are the page's URL; some are labels ("hard::file.html",
 * "recall::…", "xhttps://…"). Then: a URL inside the key, else the page's canonical or og:url,
 * else a made-up one.
 */
function pageUrl(key, file, name) {
  const valid = (u) => {
    try {
      return /^https?:$/.test(new URL(u).protocol) ? new URL(u).href : null;
    } catch {
      return null;
    }
  };
  if (/^https?:\/\//.test(key) && valid(key)) return key;
  const inKey = /https?:\/\/\S+/.exec(key)?.[0];
  if (inKey && valid(inKey)) return valid(inKey);
  if (existsSync(file)) {
    const head = readFileSync(file).subarray(0, 200000).toString('latin1');
    const canonical =
      /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(head)?.[1] ??
      /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(head)?.[1] ??
      /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(head)?.[1] ??
      /<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:url["']/i.exec(head)?.[1];
    if (canonical && valid(canonical.replace(/&amp;/g, '&'))) return valid(canonical.replace(/&amp;/g, '&'));
  }
  return `https://bench.naqi.test/trafilatura/${encodeURIComponent(name)}`;
}

export function trafilaturaPages(dir) {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8'));
  return Object.entries(data)
    .map(([key, item]) => ({
      corpus: 'trafilatura',
      name: item.file,
      url: pageUrl(key, join(dir, 'pages', item.file), item.file),
      key,
      file: join(dir, 'pages', item.file),
      with: item.with ?? [],
      without: item.without ?? [],
    }))
    .filter((p) => existsSync(p.file))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The charset to serve a saved page with (the HTTP header wins over the page's meta):
 * valid UTF-8 is UTF-8 (saved pages are often re-encoded but keep their old meta); otherwise the
 * meta's charset; otherwise UTF-8 if nearly all of it decodes, else windows-1252.
 */
export function pageCharset(bytes) {
  let valid = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    valid = false;
  }
  if (valid) return 'utf-8';
  const head = bytes.subarray(0, 8192).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (meta && !/^utf-?8$/.test(meta)) return meta;
  const decoded = new TextDecoder('utf-8').decode(bytes);
  const bad = (decoded.match(/\uFFFD/g) ?? []).length;
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  return bad <= high * 0.02 ? 'utf-8' : 'windows-1252';
}
