/**
 * The cluster view: the lab's nodes as columns (hostname, role, Leader, status,
 * availability) and their swarm tasks and plain containers as cards, coloured per
 * service, with the image tag and state. Imported only when the learner opens it
 * (lab-panel/lab-element.ts).
 *
 * It reads the lab through the Engine API (lab/cluster-state.ts: `GET /nodes`, `/tasks`,
 * `/services` on a manager, `/containers/json` on each node) every ~500 ms of wall time
 * while it is open, and redraws only when what it read changed. New cards fade in
 * (CSS; none with reduced motion); a Down node is drawn dashed in red, a drained one
 * striped, each with a badge in words.
 *
 * The clock controls drive the lab's wall-time driver (lab/wall-clock.ts): Pause, Step
 * (one virtual second, while paused) and 1×/4×/16×. "Table" shows the same data as a
 * table; the picture itself is lists with labels, so a screen reader reads it too.
 */
import { el, injectStyle } from '../dom.ts';
import css from './cluster-view.css?inline';
import { currentLab } from '../../lab/current-lab.ts';
import {
  readCluster,
  type ClusterCard,
  type ClusterNode,
  type ClusterState,
} from '../../lab/cluster-state.ts';
import { driverOf, type WallTimeDriver } from '../../lab/wall-clock.ts';
import type { PageLab } from '../../lab/page-lab.ts';

export interface ClusterView {
  show(node: string): void;
  dispose(): void;
}

/** How often the view reads the lab while open, ms of wall time. */
const POLL = 500;
const SPEEDS = [1, 4, 16];
/** Colours of services' cards (on the cards' dark background), picked by the service's name. */
const PALETTE = ['#7aa2f7', '#9ece6a', '#e0af68', '#bb9af7', '#7dcfff', '#f7768e', '#73daca', '#ff9e64'];

export function serviceColour(service: string | undefined): string {
  if (!service) return '#9aa0ab';
  let h = 0;
  for (const ch of service) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const isDown = (n: ClusterNode) =>
  n.status === 'down' || n.status === 'unreachable' || n.status === 'disconnected';
const roleText = (n: ClusterNode) => (n.role ? cap(n.role) : 'No swarm');
const cardKind = (c: ClusterCard) => (c.kind === 'task' ? 'task' : 'container');

function virtualTime(now: number): string {
  return new Date(now).toISOString().slice(11, 19);
}

export function mountClusterView(region: HTMLElement, _node: string): ClusterView {
  injectStyle('dockyard-cluster-css', css);
  const time = el('span', { class: 'dy-cv-time' }, 'Virtual time —');
  const pause = el('button', { type: 'button', 'aria-pressed': 'false', disabled: '' }, 'Pause');
  const step = el(
    'button',
    { type: 'button', disabled: '', title: 'Move the paused clock on by one second' },
    'Step 1 s',
  );
  const speeds = SPEEDS.map((s) =>
    el(
      'button',
      { type: 'button', 'aria-pressed': String(s === 1), 'data-speed': String(s), disabled: '' },
      `${s}×`,
    ),
  );
  const tableButton = el(
    'button',
    { type: 'button', 'aria-pressed': 'false', 'aria-controls': 'dy-cv-table' },
    'Table',
  );
  const summary = el('span', { class: 'dy-cv-summary' });
  const bar = el(
    'div',
    { class: 'dy-cv-bar' },
    time,
    el('div', { role: 'group', 'aria-label': 'Clock' }, pause, step),
    el('div', { role: 'group', 'aria-label': 'Clock speed' }, ...speeds),
    tableButton,
    summary,
  );
  // it scrolls sideways when the columns do not fit (many nodes, a narrow window): a tab stop, so keys can scroll it
  const nodes = el('ul', { class: 'dy-cv-nodes', 'aria-label': 'Nodes', tabindex: '0' });
  const table = el('table', { class: 'dy-cv-table', id: 'dy-cv-table', hidden: '' });
  const root = el('div', { class: 'dy-cv' }, bar, nodes, table);
  region.replaceChildren(root);

  let lab: PageLab | undefined;
  let driver: WallTimeDriver | undefined;
  let stopDriver: (() => void) | undefined;
  let last = '';
  let seen = new Set<string>();
  let busy = false;
  let disposed = false;

  const syncControls = () => {
    const d = driver;
    pause.disabled = !d;
    for (const b of speeds) {
      b.disabled = !d;
      b.setAttribute(
        'aria-pressed',
        String(d ? Number(b.dataset.speed) === d.speed : b.dataset.speed === '1'),
      );
    }
    pause.setAttribute('aria-pressed', String(d?.paused ?? false));
    pause.textContent = d?.paused ? 'Resume' : 'Pause';
    step.disabled = !d?.paused;
    if (lab) time.textContent = `Virtual time ${virtualTime(lab.engine.clock.now())}`;
  };

  const bind = async (): Promise<PageLab> => {
    const current = await currentLab();
    if (current !== lab) {
      lab = current;
      stopDriver?.();
      stopDriver = undefined;
      driver = undefined;
      last = '';
      syncControls();
    }
    if (!driver) {
      driver = driverOf(current.engine.clock);
      if (driver) {
        stopDriver = driver.onChange(syncControls);
        syncControls();
      }
    }
    return current;
  };

  const refresh = async (force = false) => {
    if (busy || disposed || (region.hidden && !force)) return;
    busy = true;
    try {
      const l = await bind();
      const state = await readCluster(l.engine);
      if (disposed) return;
      // the clock as it is now, not when the read began: a pause in between holds it
      time.textContent = `Virtual time ${virtualTime(l.engine.clock.now())}`;
      const key = JSON.stringify({ ...state, now: 0 });
      if (key !== last) {
        last = key;
        render(state);
      }
    } finally {
      busy = false;
    }
  };

  const render = (state: ClusterState) => {
    const now = new Set<string>();
    nodes.replaceChildren(
      ...state.nodes.map((n) => {
        const badges: HTMLElement[] = [el('span', { class: 'dy-cv-badge' }, roleText(n))];
        if (n.leader) badges.push(el('span', { class: 'dy-cv-badge', 'data-kind': 'leader' }, 'Leader'));
        badges.push(
          el('span', { class: 'dy-cv-badge', 'data-kind': isDown(n) ? 'down' : 'status' }, cap(n.status)),
        );
        if (n.availability)
          badges.push(el('span', { class: 'dy-cv-badge', 'data-kind': n.availability }, cap(n.availability)));
        const cards = el('ul', {
          class: 'dy-cv-cards',
          'aria-label': `Tasks and containers on ${n.hostname}`,
        });
        if (n.cards.length === 0) cards.append(el('li', { class: 'dy-cv-empty' }, 'nothing running'));
        for (const c of n.cards) {
          now.add(c.id);
          const card = el(
            'li',
            {
              class: 'dy-cv-card',
              'data-id': c.id,
              'data-kind': c.kind,
              'data-state': c.state,
              style: `--dy-c: ${serviceColour(c.service)}`,
              'aria-label': `${cardKind(c)} ${c.name}, ${c.image}, ${c.state}`,
            },
            el('span', { class: 'dy-cv-name' }, c.name),
            el('span', { class: 'dy-cv-state' }, c.state),
            el('span', { class: 'dy-cv-image' }, c.image),
          );
          if (c.desired) card.dataset.desired = c.desired;
          if (seen.size > 0 && !seen.has(c.id)) card.dataset.new = '';
          cards.append(card);
        }
        const li = el(
          'li',
          {
            class: 'dy-cv-node',
            'data-node': n.hostname,
            'data-status': n.status,
            'aria-label': `${n.hostname}: ${roleText(n)}${n.leader ? ', Leader' : ''}, ${cap(n.status)}${n.availability ? `, ${cap(n.availability)}` : ''}`,
          },
          el('div', { class: 'dy-cv-head' }, el('span', { class: 'dy-cv-host' }, n.hostname), ...badges),
          cards,
        );
        if (n.availability) li.dataset.availability = n.availability;
        if (isDown(n)) li.dataset.down = '';
        return li;
      }),
    );
    seen = now;
    const tasks = state.nodes.reduce((k, n) => k + n.cards.filter((c) => c.kind === 'task').length, 0);
    const containers = state.nodes.reduce(
      (k, n) => k + n.cards.filter((c) => c.kind === 'container').length,
      0,
    );
    summary.textContent = `${state.nodes.length} nodes${state.swarm ? `, ${tasks} tasks` : ''}, ${containers} other containers`;
    renderTable(state);
  };

  const renderTable = (state: ClusterState) => {
    const head = el(
      'tr',
      {},
      ...['Node', 'Role', 'Status', 'Availability', 'Task or container', 'Service', 'Image', 'State'].map(
        (h) => el('th', { scope: 'col' }, h),
      ),
    );
    const rows: HTMLTableRowElement[] = [];
    for (const n of state.nodes) {
      const nodeCells = [
        n.hostname,
        `${roleText(n)}${n.leader ? ' (Leader)' : ''}`,
        cap(n.status),
        n.availability ? cap(n.availability) : '—',
      ];
      if (n.cards.length === 0)
        rows.push(
          el(
            'tr',
            { 'data-node': n.hostname },
            ...[...nodeCells, '—', '—', '—', '—'].map((t) => el('td', {}, t)),
          ),
        );
      for (const c of n.cards)
        rows.push(
          el(
            'tr',
            { 'data-node': n.hostname, 'data-id': c.id },
            ...[...nodeCells, `${c.name} (${cardKind(c)})`, c.service ?? '—', c.image, c.state].map((t) =>
              el('td', {}, t),
            ),
          ),
        );
    }
    table.replaceChildren(
      el('caption', {}, 'The cluster: one row per task or container, nodes with none have one row'),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    );
  };

  pause.addEventListener('click', () => {
    if (!driver) return;
    if (driver.paused) driver.resume();
    else driver.pause();
  });
  step.addEventListener('click', () => {
    void driver?.step(1000).then(() => refresh(true));
  });
  for (const b of speeds) b.addEventListener('click', () => driver?.setSpeed(Number(b.dataset.speed)));
  tableButton.addEventListener('click', () => {
    const on = table.hidden;
    table.hidden = !on;
    tableButton.setAttribute('aria-pressed', String(on));
  });

  const timer = setInterval(() => void refresh(), POLL);
  void refresh(true);
  return {
    show() {
      // every node's column is shown at once: nothing to switch
    },
    dispose() {
      disposed = true;
      clearInterval(timer);
      stopDriver?.();
    },
  };
}
