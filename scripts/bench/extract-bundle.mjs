// Bundles Naqi's extractor (utils/reader/extract.ts) and Mozilla Readability into one IIFE
// that a test page can evaluate: it defines globalThis.__naqiBench = { extractArticle,
// Readability, detectPage }. esbuild is vite's own dependency, so nothing extra is installed.
// Same minification as the shipped content script, so timings compare like for like.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `keepNames` (unminified) for CPU profiles, where function names must survive. */
export async function extractorBundle({ minify = true, keepNames = false } = {}) {
  const entry = `
    import { extractArticle, detectPage } from './utils/reader/extract.ts';
    import { Readability } from '@mozilla/readability';
    globalThis.__naqiBench = { extractArticle, detectPage, Readability };
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'bench-extract-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    minifyWhitespace: true,
    keepNames,
    write: false,
    logLevel: 'silent',
    alias: { '@': root.replace(/\/$/, '') },
  });
  return result.outputFiles[0].text;
}
