import { useMemo } from 'preact/hooks';
import type { Article } from '@/utils/reader/types';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { ImageState } from '@/utils/protocol';
import type { Schedule } from './frames';
import { BlockRange } from './BlockRange';
import { planSlices, sliceOf } from './slice-plan';
import { useSlices } from './useSlices';

interface Props {
  article: Article;
  states: Record<string, ImageState>;
  revealed: Record<string, true>;
  highlight: string | null;
  actions: ReaderActions;
  /** When the next slice renders (tests); by default after the next frame. */
  schedule?: Schedule;
}

/**
 * The article's blocks. A long article renders its first screenful first and the rest in
 * slices, one per frame (see slice-plan.ts); `aria-busy` tells assistive technology the body
 * is still growing, and goes once every block is in the DOM.
 */
export function ArticleBody({ article, states, revealed, highlight, actions, schedule }: Props) {
  const ends = useMemo(() => planSlices(article.blocks), [article]);
  // An image linked from the popup or review page (#naqi-image=…) must be rendered to scroll to.
  const highlightSlice = useMemo(() => {
    if (!highlight) return 0;
    const image = article.images.findIndex((i) => i.src === highlight);
    const block = image === -1 ? -1 : article.blocks.findIndex((b) => b.type === 'figure' && b.image === image);
    return block === -1 ? 0 : sliceOf(ends, block);
  }, [article, ends, highlight]);
  const shown = useSlices(ends.length, article, highlightSlice + 1, schedule);
  return (
    <div data-testid="reader-body" class="naqi-body" aria-busy={shown < ends.length ? 'true' : undefined}>
      {ends.slice(0, shown).map((to, i) => (
        <BlockRange
          key={i}
          article={article}
          from={i === 0 ? 0 : (ends[i - 1] ?? 0)}
          to={to}
          states={states}
          revealed={revealed}
          highlight={highlight}
          actions={actions}
        />
      ))}
    </div>
  );
}
