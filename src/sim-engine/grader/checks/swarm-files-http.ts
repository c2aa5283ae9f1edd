/**
 * The goals that are not sections of objects: `swarm` (from `/info`, as `docker info`
 * shows "Swarm: active"), `files` (read through the archive endpoint) and `http` (the
 * lab's curl from a node's host).
 */
import { comparisonText, holds } from '../compare.ts';
import type { FileGoal, HttpGoal, SwarmGoal } from '../goal.ts';
import type { Snapshot } from '../snapshot.ts';
import { line, type GradeLine } from './kind.ts';

export function gradeSwarm(goal: SwarmGoal, snap: Snapshot): GradeLine[] {
  if (!snap.info.ok) return [line(goal, false, `Cannot read ${snap.node}'s state: ${snap.info.error}`)];
  const swarm = snap.info.value.Swarm;
  const state = swarm.LocalNodeState;
  const out = [
    state === goal.state
      ? line(
          goal,
          true,
          state === 'active' ? `Swarm mode is active on ${snap.node}` : `${snap.node} is not in a swarm`,
        )
      : line(
          goal,
          false,
          goal.state === 'active'
            ? `${snap.node} is not in a swarm (swarm: ${state})`
            : `${snap.node} is still in a swarm (swarm: ${state})`,
        ),
  ];
  const counts: [string, number | undefined, typeof goal.nodes][] = [
    ['node', swarm.Nodes, goal.nodes],
    ['manager', swarm.Managers, goal.managers],
  ];
  for (const [word, have, want] of counts) {
    if (!want) continue;
    const n = have ?? 0;
    const ok = holds(want, n);
    out.push(
      line(
        goal,
        ok,
        `The swarm has ${n} ${word}${n === 1 ? '' : 's'}${ok ? '' : `; the goal is ${comparisonText(want)}`}`,
      ),
    );
  }
  return out;
}

const trimEnd = (s: string) => s.replace(/\s+$/, '');

export function gradeFile(goal: FileGoal, snap: Snapshot): GradeLine[] {
  const read = snap.files.get(`${goal.container}:${goal.file}`)!;
  const where = `${goal.file} in ${goal.container}`;
  if (read.kind === 'error') return [line(goal, false, `Cannot read ${where}: ${read.error}`)];
  if (!goal.exists)
    return [
      read.kind === 'missing'
        ? line(goal, true, `There is no ${where}`)
        : line(goal, false, `There is still a ${where}; it should be gone`),
    ];
  if (read.kind === 'missing') return [line(goal, false, `There is no ${where}`)];
  if (read.kind === 'dir') return [line(goal, false, `${where} is a directory, not a file`)];
  const out: GradeLine[] = [];
  if (goal.content !== undefined) {
    const ok = trimEnd(read.text) === trimEnd(goal.content);
    out.push(
      line(
        goal,
        ok,
        ok
          ? `${where} holds the expected text`
          : `${where} holds ${JSON.stringify(clip(read.text))}, not ${JSON.stringify(clip(goal.content))}`,
      ),
    );
  }
  for (const text of goal.contains) {
    const ok = read.text.includes(text);
    out.push(line(goal, ok, `${where} ${ok ? 'contains' : 'does not contain'} "${text}"`));
  }
  return out.length ? out : [line(goal, true, `There is a ${where}`)];
}

function clip(s: string): string {
  const t = trimEnd(s);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

export function gradeHttp(goal: HttpGoal, snap: Snapshot): GradeLine[] {
  const from = goal.from ?? snap.node;
  const answer = snap.http.get(`${from} ${goal.url}`)!;
  const request = `GET ${goal.url} from ${from}`;
  if ('error' in answer) return [line(goal, false, `${request} gets no answer: ${answer.error}`)];
  const out: GradeLine[] = [];
  if (goal.status) {
    const ok = holds(goal.status, answer.status);
    out.push(
      line(
        goal,
        ok,
        `${request} answers ${answer.status}${ok ? '' : `; the goal is ${comparisonText(goal.status)}`}`,
      ),
    );
  }
  for (const text of goal.contains) {
    const ok = answer.body.includes(text);
    out.push(line(goal, ok, `The answer to ${request} ${ok ? 'contains' : 'does not contain'} "${text}"`));
  }
  for (const text of goal.excludes) {
    const ok = !answer.body.includes(text);
    out.push(line(goal, ok, `The answer to ${request} ${ok ? 'does not contain' : 'contains'} "${text}"`));
  }
  return out.length ? out : [line(goal, true, `${request} answers ${answer.status}`)];
}
