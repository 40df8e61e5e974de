import type { Article, Block } from '@/utils/reader/types';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { ImageState } from '@/utils/protocol';
import { t } from '@/utils/i18n';
import { ArticleFigure } from './ArticleFigure';
import { InlineContent } from './Inline';

interface Props {
  article: Article;
  states: Record<string, ImageState>;
  revealed: Record<string, true>;
  highlight: string | null;
  actions: ReaderActions;
}

export function ArticleBody({ article, states, revealed, highlight, actions }: Props) {
  const renderBlock = (block: Block, key: number) => {
    switch (block.type) {
      case 'figure': {
        const image = article.images[block.image];
        if (!image) return null;
        return (
          <ArticleFigure
            key={key}
            image={image}
            state={states[image.src] ?? 'visible'}
            revealed={Boolean(revealed[image.src])}
            highlighted={highlight === image.src}
            actions={actions}
          />
        );
      }
      case 'video':
        return (
          <p key={key} class="naqi-video">
            <a href={block.href} target="_blank" rel="noopener noreferrer">
              {t('readerVideoLink')}
            </a>
          </p>
        );
      case 'ul':
      case 'ol': {
        const List = block.type;
        return (
          <List key={key}>
            {block.items.map((item, i) => (
              <li key={i}>
                <InlineContent nodes={item} />
              </li>
            ))}
          </List>
        );
      }
      default: {
        const Tag = block.type;
        return (
          <Tag key={key}>
            <InlineContent nodes={block.content} />
          </Tag>
        );
      }
    }
  };
  return (
    <div data-testid="reader-body" class="naqi-body">
      {article.blocks.map(renderBlock)}
    </div>
  );
}
