/**
 * The API inspector: the Engine API requests the docker CLI sent for the last command
 * typed in the shown terminal — method, path, status, and the bodies folded away in a
 * <details> — the course's point that client and daemon talk over REST, made visible.
 * Imported only when the learner opens it (lab-panel/lab-element.ts); the record itself
 * is kept from the lab's start by lab/api-log.ts, so the last command is there when it opens.
 */
import { el, injectStyle } from '../dom.ts';
import css from './api-inspector.css?inline';
import { apiLogFor, type ApiCommand, type ApiExchange, type ApiLog } from '../../lab/api-log.ts';
import { currentLab } from '../../lab/current-lab.ts';
import type { PageLab } from '../../lab/page-lab.ts';

export interface ApiInspector {
  show(node: string): void;
  dispose(): void;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** One request's line: method, path, and its answer's status once it has come. */
function renderRequest(r: ApiExchange, open: boolean): HTMLElement {
  const status =
    r.status === undefined
      ? '(waiting for the answer)'
      : `${r.status}${REASONS[r.status] ? ` ${REASONS[r.status]}` : ''}`;
  const line = el(
    'span',
    { class: 'dy-api-line' },
    el('span', { class: 'dy-api-method', 'data-method': r.method }, r.method),
    ' ',
    el('span', { class: 'dy-api-path' }, r.path),
    ' ',
    el(
      'span',
      { class: 'dy-api-status', 'data-ok': r.status === undefined ? 'pending' : String(r.status < 400) },
      status,
    ),
  );
  const item = el('li', { class: 'dy-api-req' });
  if (r.requestBody === undefined && r.responseBody === undefined) item.append(line);
  else {
    const details = el('details', {}, el('summary', {}, line));
    details.open = open;
    if (r.requestBody !== undefined)
      details.append(el('p', { class: 'dy-api-label' }, 'Request body'), el('pre', {}, r.requestBody));
    if (r.responseBody !== undefined)
      details.append(el('p', { class: 'dy-api-label' }, 'Response body'), el('pre', {}, r.responseBody));
    item.append(details);
  }
  return item;
}

export function mountApiInspector(region: HTMLElement, first: string): ApiInspector {
  injectStyle('dockyard-api-css', css);
  let node = first;
  const heading = el('p', { class: 'dy-api-head' }, 'No command yet: type one in the terminal.');
  const list = el('ol', { class: 'dy-api-list', 'aria-label': 'Requests' });
  region.replaceChildren(el('div', { class: 'dy-api-root' }, heading, list));

  let log: ApiLog | undefined;
  let lab: PageLab | undefined;
  let stop: (() => void) | undefined;
  let frame = 0;
  let disposed = false;
  /**
   * the requests of the shown command drawn so far, with the status each was drawn with:
   * new ones are appended, one whose answer came since is drawn again (an open
   * <details> stays open)
   */
  let drawn: { exchange: ApiExchange; item: HTMLElement; status?: number }[] = [];
  let drawnCommand: ApiCommand | undefined;

  const draw = () => {
    frame = 0;
    const command = log?.last(node);
    if (!command) {
      heading.textContent = `No command yet in ${node}’s terminal: type one there.`;
      list.replaceChildren();
      drawn = [];
      drawnCommand = undefined;
      return;
    }
    if (command !== drawnCommand) {
      list.replaceChildren();
      drawn = [];
      drawnCommand = command;
    }
    const n = command.requests.length;
    heading.replaceChildren(
      `${n} request${n === 1 ? '' : 's'} from docker on ${node} for `,
      el('code', {}, command.line),
      command.dropped > 0 ? ` (${command.dropped} more not shown)` : '',
    );
    for (const shown of drawn) {
      if (shown.status === shown.exchange.status) continue;
      const item = renderRequest(shown.exchange, shown.item.querySelector('details')?.open ?? false);
      shown.item.replaceWith(item);
      shown.item = item;
      shown.status = shown.exchange.status;
    }
    for (const r of command.requests.slice(drawn.length)) {
      const item = renderRequest(r, false);
      list.append(item);
      drawn.push({ exchange: r, item, status: r.status });
    }
  };
  const later = () => {
    if (!frame && !disposed) frame = requestAnimationFrame(draw);
  };

  /** Follow the page's lab (a reset makes a new one). */
  const bind = async () => {
    const current = await currentLab();
    if (disposed || current === lab) return;
    lab = current;
    stop?.();
    log = apiLogFor(current);
    stop = log.onChange((changed) => {
      if (changed === node) later();
    });
    drawnCommand = undefined;
    later();
  };
  void bind();
  const timer = setInterval(() => void bind(), 1000);

  return {
    show(to) {
      node = to;
      drawnCommand = undefined;
      later();
    },
    dispose() {
      disposed = true;
      clearInterval(timer);
      cancelAnimationFrame(frame);
      stop?.();
    },
  };
}
