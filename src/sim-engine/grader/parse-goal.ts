/**
 * parseGoal: an exercise's goal, from YAML to a typed Goal (goal.ts). Sections are read
 * in the order of SECTIONS; each mistake is a GoalError naming the line and the key.
 */
import type { FileGoal, Goal, HttpGoal, SwarmGoal } from './goal.ts';
import {
  comparison,
  CONTAINER_PROPS,
  IMAGE_PROPS,
  NETWORK_PROPS,
  NODE_PROPS,
  SERVICE_PROPS,
  VOLUME_PROPS,
} from './parse-props.ts';
import { section } from './parse-section.ts';
import { STACK_PROPS } from './parse-stacks.ts';
import { didYouMean } from './suggest.ts';
import { fail, Reader, readYaml, shown, type YValue } from './yaml-reader.ts';

function swarm(r: Reader, v: YValue): SwarmGoal {
  const at = { line: v.line, path: v.path };
  const state = (s: YValue) => {
    const t = r.text(s, 'active or inactive');
    if (t !== 'active' && t !== 'inactive') fail(s, `must be active or inactive, not "${t}"`);
    return t;
  };
  if (!r.isMap(v)) return { ...at, state: state(v) };
  const out: SwarmGoal = { ...at, state: 'active' };
  for (const { key, keyAt, value } of r.entries(v)) {
    if (key === 'state') out.state = state(value);
    else if (key === 'nodes') out.nodes = comparison(r, value);
    else if (key === 'managers') out.managers = comparison(r, value);
    else fail(keyAt, `unknown key ${key}: use state, nodes or managers`);
  }
  return out;
}

/** `web:/path`: a container name, a colon, an absolute path (as `docker cp` writes it). */
function files(r: Reader, v: YValue): FileGoal[] {
  return r
    .entries(v, 'a mapping like { "web:/etc/hostname": { contains: web } }')
    .map(({ key, keyAt, value }) => {
      const m = /^([a-zA-Z0-9][a-zA-Z0-9_.-]*):(\/.*)$/.exec(key);
      if (!m)
        fail(keyAt, `"${key}" must be CONTAINER:/absolute/path, like web:/usr/share/nginx/html/index.html`);
      const goal: FileGoal = { ...keyAt, container: m[1]!, file: m[2]!, exists: true, contains: [] };
      if (r.isEmpty(value)) return { ...goal, exists: false };
      if (!r.isMap(value)) {
        goal.contains = [r.text(value, 'text the file contains')];
        return goal;
      }
      for (const e of r.entries(value)) {
        if (e.key === 'exists' || e.key === 'absent') goal.exists = r.bool(e.value) === (e.key === 'exists');
        else if (e.key === 'content') goal.content = r.text(e.value, 'the whole text of the file');
        else if (e.key === 'contains') goal.contains = r.texts(e.value, 'text the file contains');
        else fail(e.keyAt, `unknown key ${e.key}: use exists, content or contains`);
      }
      if (!goal.exists && (goal.content !== undefined || goal.contains.length > 0))
        fail(keyAt, 'a file that must not exist cannot have content');
      return goal;
    });
}

/** `GET http://localhost:8080/path` (or the URL alone): a request from a node's host. */
function http(r: Reader, v: YValue): HttpGoal[] {
  return r
    .entries(v, 'a mapping like { "GET http://localhost:8080": { status: 200 } }')
    .map(({ key, keyAt, value }) => {
      const m = /^(?:GET\s+)?((?:https?:\/\/)?[a-zA-Z0-9.-]+(?::\d{1,5})?(?:\/\S*)?)$/.exec(key.trim());
      if (!m)
        fail(
          keyAt,
          `"${key}" must be GET and a URL, like GET http://localhost:8080/ (only GET is supported)`,
        );
      const url = /^https?:\/\//.test(m[1]!) ? m[1]! : `http://${m[1]!}`;
      const goal: HttpGoal = { ...keyAt, url, contains: [], excludes: [] };
      if (r.isEmpty(value)) fail(keyAt, 'say what the answer must be: status, contains or excludes');
      if (!r.isMap(value)) {
        goal.contains = [r.text(value, 'text the answer contains')];
        return goal;
      }
      for (const e of r.entries(value)) {
        if (e.key === 'status') goal.status = comparison(r, e.value);
        else if (e.key === 'contains') goal.contains = r.texts(e.value, 'text the answer contains');
        else if (e.key === 'excludes') goal.excludes = r.texts(e.value, 'text the answer must not contain');
        else if (e.key === 'from') goal.from = r.text(e.value, 'a node name');
        else fail(e.keyAt, `unknown key ${e.key}: use status, contains, excludes or from`);
      }
      return goal;
    });
}

/** Every top-level key, in the order they are checked. */
const SECTIONS: ReadonlyArray<[keyof Goal, (r: Reader, v: YValue) => unknown]> = [
  ['node', (r, v) => r.text(v, 'a node name')],
  ['swarm', swarm],
  ['nodes', (r, v) => section(r, v, NODE_PROPS, 'node')],
  ['services', (r, v) => section(r, v, SERVICE_PROPS, 'service')],
  ['stacks', (r, v) => section(r, v, STACK_PROPS, 'stack')],
  ['containers', (r, v) => section(r, v, CONTAINER_PROPS, 'container')],
  ['images', (r, v) => section(r, v, IMAGE_PROPS, 'image')],
  ['networks', (r, v) => section(r, v, NETWORK_PROPS, 'network')],
  ['volumes', (r, v) => section(r, v, VOLUME_PROPS, 'volume')],
  ['files', files],
  ['http', http],
];

export function parseGoal(text: string): Goal {
  const { root, lineOf } = readYaml(text);
  const r = new Reader(lineOf);
  if (r.isEmpty(root))
    fail(root, 'the goal is empty: say what state to reach, like `containers: { web: { running: true } }`');
  if (!r.isMap(root))
    fail(root, `the goal must be a mapping of sections (containers, services…), not ${shown(root)}`);
  const goal: Record<string, unknown> = {};
  const names = SECTIONS.map(([k]) => k);
  for (const { key, keyAt, value } of r.entries(root)) {
    const reader = SECTIONS.find(([k]) => k === key)?.[1];
    if (!reader)
      fail(keyAt, `unknown section "${key}"${didYouMean(key, names)}: a goal has ${names.join(', ')}`);
    if (key !== 'node' && r.isEmpty(value)) fail(keyAt, `${key} is empty: say what it must hold`);
    goal[key] = reader(r, value);
  }
  return goal as Goal;
}
