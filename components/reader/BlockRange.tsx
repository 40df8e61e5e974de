import { Component } from 'preact';
import type { Article, Block } from '@/utils/reader/types';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { ImageState } from '@/utils/protocol';
import { t } from '@/utils/i18n';
import { ArticleFigure } from './ArticleFigure';
import { InlineContent } from './Inline';

interface Props {
  article: Article;
  /** Blocks [from, to) of the article. */
  from: number;
  to: number;
  states: Record<string, ImageState>;
  revealed: Record<string, true>;
  highlight: string | null;
  actions: ReaderActions;
}

/**
 * One slice of the article body, as siblings (a fragment: no wrapper element, so the body's
 * DOM and CSS are the same however it was sliced). It re-renders only when its own props
 * change: adding the next slice, or changing a setting, leaves the slices already on screen
 * alone instead of diffing thousands of blocks again.
 */
export class BlockRange extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const current = this.props;
    return (Object.keys(next) as (keyof Props)[]).some((key) => next[key] !== current[key]);
  }

  override render() {
    const { article, from, to } = this.props;
    return <>{article.blocks.slice(from, to).map((block, i) => this.renderBlock(block, from + i))}</>;
  }

  private renderBlock(block: Block, key: number) {
    const { article, states, revealed, highlight, actions } = this.props;
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
  }
}
