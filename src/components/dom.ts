/**
 * The two DOM helpers the lab's panels share: a stylesheet injected once when a panel
 * first opens (Astro 7 would inline lazily imported CSS into every page, see
 * web-notes), and a small element builder.
 */

/** Add `css` to the page once, under `id`. */
export function injectStyle(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}

/** `<tag attrs…>children</tag>` */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
