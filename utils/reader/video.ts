import { absoluteHttpUrl } from './lazy-images';

const VIDEO_HOSTS = /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|dailymotion\.com|vimeo\.com|facebook\.com|twitter\.com|x\.com|instagram\.com|tiktok\.com)$/i;

/** A watch page for an embed URL, so the reader leaves the reader view only if they choose to. */
export function videoPageUrl(embed: string): string {
  const url = new URL(embed);
  const youtube = url.pathname.match(/^\/embed\/([\w-]{6,})/);
  if (youtube && /youtube/.test(url.hostname)) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  return url.href;
}

/**
 * Video embeds become a plain link marked for the block builder: an iframe from the page
 * must never load in the reader view.
 */
export function replaceVideoEmbeds(root: ParentNode, base: string): void {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  for (const frame of Array.from(root.querySelectorAll('iframe, video'))) {
    const src = absoluteHttpUrl(frame.getAttribute('src') ?? frame.querySelector('source')?.getAttribute('src'), base);
    let host = '';
    try {
      host = src ? new URL(src).hostname : '';
    } catch {
      host = '';
    }
    if (src && (frame.tagName === 'VIDEO' || VIDEO_HOSTS.test(host))) {
      const link = doc.createElement('a');
      link.setAttribute('data-naqi-video', '');
      link.setAttribute('href', videoPageUrl(src));
      link.textContent = src;
      frame.replaceWith(link);
    } else {
      frame.remove();
    }
  }
}
