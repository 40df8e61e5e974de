import type { ImageState } from '@/utils/protocol';
import type { ArticleImage } from '@/utils/reader/types';
import type { ReaderActions } from '@/utils/content/reader-actions';
import { t } from '@/utils/i18n';

interface Props {
  image: ArticleImage;
  state: ImageState;
  revealed: boolean;
  highlighted: boolean;
  actions: ReaderActions;
}

/** One article image: the picture, its caption, its report button, and its reported state. */
export function ArticleFigure({ image, state, revealed, highlighted, actions }: Props) {
  const covered = state !== 'visible' && !revealed;
  const coverText = state === 'hidden' ? t('imageHiddenNotice') : t('imageBlurredNotice');
  return (
    <figure
      data-testid="article-image"
      data-state={state}
      data-image-url={image.src}
      class={`naqi-figure${covered ? ' is-covered' : ''}${highlighted ? ' is-highlighted' : ''}`}
    >
      <div class="naqi-frame">
        <img src={image.src} alt={image.alt || image.caption} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
        {covered && (
          <div class="naqi-cover">
            <p>{coverText}</p>
            <button type="button" class="naqi-button" onClick={() => actions.reveal(image.src)}>
              {t('imageShowAnyway')}
            </button>
          </div>
        )}
      </div>
      {image.caption && <figcaption>{image.caption}</figcaption>}
      <button
        type="button"
        data-testid="report-image"
        class="naqi-report"
        aria-label={t('reportImageLabel')}
        aria-haspopup="dialog"
        onClick={(event) => {
          // The view sits in the page's DOM: a page script's synthetic click is not the reader's.
          if (event.isTrusted) actions.openReport(image, event.currentTarget as HTMLElement);
        }}
      >
        <span aria-hidden="true">⚑</span> {t('reportImage')}
      </button>
    </figure>
  );
}
