/**
 * Show goal beside the cluster view: on a page whose lab has a cluster view, the goal
 * an exercise checks for is shown in the lab panel next to the cluster view (opened if
 * it was closed), so the state to reach and the state there is are side by side. On a
 * page without one, the exercise shows its goal in place (exercise-element.ts).
 *
 * The lab panel is not the exercise's (LabPanel.astro): this adds one region to it,
 * right after its cluster region, and sets `data-goal-open` on `<dockyard-lab>`, which
 * the exercise's stylesheet (Exercise.astro) reads to lay the two side by side. It
 * reaches the panel only through what the panel shows anyone: its Cluster button and
 * the region that button controls. One goal at a time: showing another exercise's
 * goal tells the first one its goal was put away.
 */

export interface GoalOwner {
  /** the exercise's title, heading the shown goal */
  title: string;
  /** the goal's YAML, shown as text */
  yaml: string;
  /** the owner's Show goal button: focus goes back to it when the goal is hidden from the panel */
  button: HTMLButtonElement;
  /** told when its goal is no longer shown beside the cluster view */
  closed(): void;
}

const ID = 'dy-lab-goal';

let owner: GoalOwner | undefined;

/** The page's cluster view region and its button, if the lab has one. */
function clusterView(): { lab: HTMLElement; region: HTMLElement; button: HTMLButtonElement } | undefined {
  const lab = document.querySelector<HTMLElement>('dockyard-lab');
  const button = lab?.querySelector<HTMLButtonElement>('button[aria-controls="dy-cluster"]');
  const region = lab?.querySelector<HTMLElement>('#dy-cluster');
  return lab && button && region ? { lab, region, button } : undefined;
}

export const hasClusterView = (): boolean => clusterView() !== undefined;

function panel(region: HTMLElement): HTMLElement {
  const found = document.getElementById(ID);
  if (found) return found;
  const box = document.createElement('div');
  box.id = ID;
  box.className = 'dy-lab-goal';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', `${ID}-title`);
  const head = document.createElement('div');
  head.className = 'dy-lab-goal-head';
  const title = document.createElement('p');
  title.id = `${ID}-title`;
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.textContent = 'Hide goal';
  hide.addEventListener('click', () => {
    const was = owner;
    hideGoalBeside();
    was?.button.focus();
  });
  head.append(title, hide);
  const pre = document.createElement('pre');
  // scrollable, so it must be reachable by keyboard (and named for it)
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', 'The goal, as YAML');
  pre.append(document.createElement('code'));
  box.append(head, pre);
  region.after(box);
  return box;
}

/**
 * Show `o`'s goal beside the cluster view: the region it is in, or undefined when the
 * page's lab has no cluster view (the exercise then shows the goal itself).
 */
export function showGoalBeside(o: GoalOwner): HTMLElement | undefined {
  const view = clusterView();
  if (!view) return undefined;
  if (view.button.getAttribute('aria-expanded') !== 'true') view.button.click();
  const box = panel(view.region);
  if (owner && owner !== o) owner.closed();
  owner = o;
  box.querySelector('p')!.textContent = `Goal: ${o.title}`;
  box.querySelector('code')!.textContent = o.yaml;
  box.hidden = false;
  view.lab.toggleAttribute('data-goal-open', true);
  return box;
}

/** Put the shown goal away (if `o` is given, only if it is `o`'s). */
export function hideGoalBeside(o?: GoalOwner): void {
  if (o && owner !== o) return;
  const box = document.getElementById(ID);
  if (box) box.hidden = true;
  document.querySelector('dockyard-lab')?.removeAttribute('data-goal-open');
  const was = owner;
  owner = undefined;
  was?.closed();
}
