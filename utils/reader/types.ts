/**
 * The article as Naqi shows it. Everything here is plain data (JSON-serialisable): the
 * reader view renders it with Preact elements, never as HTML, so nothing from the page
 * can execute there.
 */
export interface Article {
  url: string;
  siteId: string | null;
  /** The site the page is on (aggregator or paper), for the toolbar. */
  siteName: string;
  title: string;
  /** The original newspaper and, where the page links to it, the original article. */
  source: { name: string; url?: string } | null;
  /** Publication date as YYYY-MM-DD, when the page gives one. */
  date?: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  blocks: Block[];
  images: ArticleImage[];
}

export interface ArticleImage {
  /** Absolute http(s) URL, lazy attributes resolved. */
  src: string;
  caption: string;
  alt: string;
}

export type InlineTag = 'a' | 'strong' | 'em' | 'b' | 'i' | 'u' | 'code' | 'sub' | 'sup' | 'br' | 'mark' | 'small' | 'q';

export type Inline = string | { tag: InlineTag; href?: string; children: Inline[] };

export type TextBlockType = 'p' | 'h2' | 'h3' | 'h4' | 'blockquote' | 'pre';

export type Block =
  | { type: TextBlockType; content: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] }
  | { type: 'figure'; image: number }
  | { type: 'video'; href: string };
