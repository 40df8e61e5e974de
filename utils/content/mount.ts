import { render, type ComponentChild } from 'preact';

/**
 * One host element on <html> (outside <body>, whose styles pages love to change) with an
 * OPEN shadow root: end-to-end tests and assistive tech can see in; page CSS cannot.
 */
export function mountInShadow(doc: Document, tag: string, css: string, app: ComponentChild): { host: HTMLElement; unmount(): void } {
  const host = doc.createElement(tag);
  host.setAttribute('style', 'all: initial; position: static; display: block; width: 0; height: 0;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  const container = doc.createElement('div');
  shadow.append(container);
  doc.documentElement.append(host);
  render(app, container);
  return {
    host,
    unmount() {
      render(null, container);
      host.remove();
    },
  };
}
