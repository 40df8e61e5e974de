import { useEffect, useState } from 'preact/hooks';
import { httpUrl } from '../../utils/ui/urls';

interface Props {
  src: string;
  /** px, square. */
  size: number;
  /** Blur until the row is hovered or focused (sexual or shocking content). */
  sensitive?: boolean;
}

/**
 * The reported image, small. It stays in the DOM with its real `src` even when it fails (tests
 * and users can still see which URL it was); a neutral placeholder is drawn over it then.
 * No referrer: the news site need not learn that someone reviews its images.
 */
export function Thumbnail({ src, size, sensitive }: Props) {
  const url = httpUrl(src);
  const [failed, setFailed] = useState(!url);
  useEffect(() => setFailed(!url), [url]);
  return (
    <span
      class={`thumb${failed ? ' thumb-failed' : ''}${sensitive ? ' thumb-sensitive' : ''}`}
      style={{ width: `${size}px`, height: `${size}px` }}
    >
      {url && (
        <img
          src={url}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(true)}
        />
      )}
      {failed && (
        <span class="thumb-placeholder" aria-hidden="true">
          <svg viewBox="0 0 24 24" width={size / 2.5} height={size / 2.5} focusable="false">
            <path
              fill="currentColor"
              d="M21 5v14H3V5h18m0-2H3a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm-7.04 9.29-2.75 3.54-1.96-2.36L6.5 17h11l-3.54-4.71zM3 3l18 18"
            />
            <path stroke="currentColor" stroke-width="2" d="M2 2l20 20" />
          </svg>
        </span>
      )}
    </span>
  );
}
