import { Readability } from '@mozilla/readability';
import { extractArticleWith } from './extract-core';
import type { Article } from './types';

export { detectPage, needsGenericExtractor, type PageKind } from './extract-core';
export { blocksText } from './text';

/**
 * Page → Article with the generic extractor at hand (tests, benchmarks, Node). The content
 * script uses `extractArticleWith` and loads Readability only on pages that need it.
 */
export function extractArticle(doc: Document, pageUrl: string): Article | null {
  return extractArticleWith(doc, pageUrl, Readability);
}
export { detectArticlePage } from './detect';
