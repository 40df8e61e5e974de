import type { ComponentChildren } from 'preact';
import type { Inline } from '@/utils/reader/types';

/** Renders inline article content as Preact elements: text stays text, never HTML. */
export function InlineContent({ nodes }: { nodes: Inline[] }) {
  return <>{nodes.map(renderInline)}</>;
}

function renderInline(node: Inline, key: number): ComponentChildren {
  if (typeof node === 'string') return node;
  const children = node.children.map(renderInline);
  switch (node.tag) {
    case 'br':
      return <br key={key} />;
    case 'a':
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    case 'strong':
    case 'b':
      return <strong key={key}>{children}</strong>;
    case 'em':
    case 'i':
      return <em key={key}>{children}</em>;
    case 'u':
      return <u key={key}>{children}</u>;
    case 'code':
      return <code key={key}>{children}</code>;
    case 'sub':
      return <sub key={key}>{children}</sub>;
    case 'sup':
      return <sup key={key}>{children}</sup>;
    case 'mark':
      return <mark key={key}>{children}</mark>;
    case 'small':
      return <small key={key}>{children}</small>;
    case 'q':
      return <q key={key}>{children}</q>;
  }
}
