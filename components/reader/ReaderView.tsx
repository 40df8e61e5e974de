import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '@/utils/reader/types';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { ReaderState } from '@/utils/content/reader-state';
import { t, uiLanguage } from '@/utils/i18n';
import { ArticleBody } from './ArticleBody';
import { ReaderToolbar } from './ReaderToolbar';

interface Props {
  article: Article;
  state: ReaderState;
  actions: ReaderActions;
}

const WIDTHS = { narrow: '34em', medium: '42em', wide: '56em' } as const;

/** Dates are shown in the reader's language, whatever the article's. */
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

export function ReaderView({ article, state, actions }: Props) {
  const { settings } = state;
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus the view so keyboard users land in it, and scrolling keys move the article.
    root.current?.querySelector<HTMLElement>('[data-naqi-autofocus]')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (!state.highlight) return;
    const figure = root.current?.querySelector(`figure[data-image-url="${CSS.escape(state.highlight)}"]`);
    // Instant, not the view's smooth scrolling: gliding through a long article starts the lazy
    // images on the way, which grow as they load and push the target out of view. Jumping
    // there, only images near the target load, and scroll anchoring keeps it in place.
    figure?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }, [state.highlight]);

  return (
    <div
      ref={root}
      class={`naqi-reader theme-${settings.theme}`}
      data-testid="reader-view"
      dir={article.dir}
      lang={article.lang}
      style={{
        '--naqi-font-size': `${settings.fontSize}px`,
        '--naqi-line-height': String(settings.lineHeight),
        '--naqi-width': WIDTHS[settings.lineWidth],
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !state.report) actions.close();
      }}
    >
      <ReaderToolbar settings={settings} siteId={article.siteId} siteName={article.siteName} actions={actions} />
      <main class="naqi-main">
        <article class="naqi-article" aria-labelledby="naqi-title">
          <h1 id="naqi-title" data-testid="reader-title">
            {article.title}
          </h1>
          <p class="naqi-meta">
            {article.source && (
              <>
                <span class="naqi-meta-label">{t('readerSourceLabel')} </span>
                <span data-testid="reader-source" class="naqi-source">
                  {article.source.url ? (
                    <a href={article.source.url} target="_blank" rel="noopener noreferrer">
                      {article.source.name}
                    </a>
                  ) : (
                    article.source.name
                  )}
                </span>
              </>
            )}
            {article.date && (
              <>
                <span class="naqi-meta-sep" aria-hidden="true">
                  {' · '}
                </span>
                <time data-testid="reader-date" dateTime={article.date}>
                  {formatDate(article.date)}
                </time>
              </>
            )}
          </p>
          <ArticleBody
            article={article}
            states={state.states}
            revealed={state.revealed}
            highlight={state.highlight}
            actions={actions}
          />
          {article.source?.url && (
            <p class="naqi-read-source">
              <a href={article.source.url} target="_blank" rel="noopener noreferrer">
                {t('readerReadAtSource')}
              </a>
            </p>
          )}
        </article>
      </main>
    </div>
  );
}
