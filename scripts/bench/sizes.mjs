// Script sizes per entrypoint (raw and gzip) in each build, the zips, and — to explain the
// content script's size — what it is made of (an esbuild bundle of the same entry, with a
// metafile: bytes per package, minified; gzip of each part on its own).
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function fileSize(dir, rel) {
  const buf = readFileSync(join(dir, rel.replace(/^\//, '')));
  return { file: rel.replace(/^\//, ''), raw: buf.length, gzip: gz(buf) };
}

/** The JS and CSS an HTML entrypoint loads: its module script, modulepreloads, stylesheets. */
function htmlAssets(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  const js = [...text.matchAll(/<script[^>]+src="([^"]+)"/g), ...text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return { js, css };
}

function sum(files) {
  return { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

export function measureBuild(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entries = [];
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) {
      const f = fileSize(dir, js);
      entries.push({ entrypoint: `content script (${js})`, kind: 'content-script', files: [f], ...sum([f]) });
    }
  }
  const bg = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (bg) {
    const f = fileSize(dir, bg);
    entries.push({ entrypoint: `background (${bg})`, kind: 'background', files: [f], ...sum([f]) });
  }
  for (const html of ['popup.html', 'review.html']) {
    if (!existsSync(join(dir, html))) continue;
    const { js, css } = htmlAssets(dir, html);
    const jsFiles = js.map((p) => fileSize(dir, p));
    const cssFiles = css.map((p) => fileSize(dir, p));
    entries.push({ entrypoint: `${html.replace('.html', '')} page (JS it loads)`, kind: html.replace('.html', ''), files: jsFiles, css: { files: cssFiles, ...sum(cssFiles) }, ...sum(jsFiles) });
  }
  // Unlisted scripts (WXT `defineUnlistedScript`): injected on demand, e.g. by the background.
  const listed = new Set(entries.flatMap((e) => e.files.map((f) => f.file)));
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js') && !listed.has(n)).sort()) {
    const f = fileSize(dir, name);
    entries.push({ entrypoint: `unlisted script (${name})`, kind: 'unlisted', files: [f], ...sum([f]) });
  }
  let total = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else total += statSync(p).size;
    }
  };
  walk(dir);
  return { dir: dir.replace(root, ''), entries, unpackedBytes: total };
}

export function measureZips(version) {
  const out = {};
  for (const browser of ['chrome', 'firefox']) {
    const file = join(root, '.output', `naqi-${version}-${browser}.zip`);
    out[browser] = existsSync(file) ? { file: file.replace(root, ''), bytes: statSync(file).size } : null;
  }
  return out;
}

/** What the content script is made of, by package: an esbuild bundle of the same entry. */
export async function contentScriptComposition() {
  const entry = `
    import 'wxt/utils/content-script-context';
    import script from './entrypoints/article.content/index.ts';
    globalThis.__naqiContentScript = script;
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'bench-content-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root.replace(/\/$/, ''), 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' },
    loader: { '.json': 'json' },
  });
  const output = Object.values(result.metafile.outputs)[0];
  const groups = new Map();
  const groupOf = (path) => {
    const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (m) return m[1];
    const top = path.split('/').slice(0, 2).join('/');
    return `naqi: ${top}`;
  };
  // Per-module minified bytes; gzip of each group's own minified source as a rough share.
  const code = result.outputFiles[0].text;
  for (const [path, info] of Object.entries(output.inputs)) {
    const g = groupOf(path);
    const entry = groups.get(g) ?? { raw: 0, modules: 0 };
    entry.raw += info.bytesInOutput;
    entry.modules++;
    groups.set(g, entry);
  }
  const rows = [...groups.entries()].map(([name, v]) => ({ part: name, minifiedBytes: v.raw, modules: v.modules })).sort((a, b) => b.minifiedBytes - a.minifiedBytes);
  return { bundler: 'esbuild (approximation of the WXT/Vite build)', totalMinified: code.length, totalGzip: gz(Buffer.from(code)), parts: rows };
}

/** Versions of the packages that make up most of the scripts. */
export function packageVersions() {
  const v = (name) => {
    try {
      return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return { '@mozilla/readability': v('@mozilla/readability'), dompurify: v('dompurify'), preact: v('preact'), 'webextension-polyfill': v('webextension-polyfill'), wxt: v('wxt') };
}
