/**
 * The files a task's secrets and configs become in its container, as its node's agent
 * hands them to the daemon: the data of each referenced object (from the store, as the
 * dispatcher's assignments carry it), expanded when the object is templated (swarmkit
 * template/{context,expand,getter}.go, the `golang` driver with `secret`, `config`,
 * `env` and `join`), at its target (moby daemon/container/container.go
 * getSecretTargetPath: `/run/secrets/<name>` unless absolute; getConfigTargetPath:
 * `/<name>` unless absolute) with its owner and mode (setupSecretDir: strconv.Atoi of
 * UID and GID).
 */
import type { ConfigReference, SecretReference } from '../../api/types/secret.ts';
import type { Service, Task } from '../../api/types/service.ts';
import type { DependencyFile } from '../../daemon/mounts.ts';
import { goFunc, parseTemplate } from '../../golang/template/index.ts';
import { goMap, withGoType } from '../../golang/values.ts';
import type { Cluster } from '../cluster.ts';
import { containerName } from '../agent/container-config.ts';
import type { NodeObject } from '../orchestrator/task.ts';
import { CONFIG, getObject, type Kind, SECRET } from './control.ts';
import { decodeData } from './data.ts';

/** Where containers find secrets whose target is not absolute. */
const SECRET_DIR = '/run/secrets';

/** filepath.Join(dir, name) on Linux: joined and cleaned. */
function joinPath(dir: string, name: string): string {
  const out: string[] = [];
  for (const part of `${dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** strconv.Atoi */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** Everything a task's files are made from. */
interface Sources {
  cluster: Cluster;
  task: Task;
  service: Service | undefined;
  node: NodeObject | undefined;
}

/**
 * The task's files, secrets first then configs (container.SecretMounts). Throws the
 * error that fails the container's start: a missing object, a template that does not
 * expand, an owner that is not a number.
 */
export function taskFiles(cluster: Cluster, task: Task, service: Service | undefined): DependencyFile[] {
  const c = task.Spec.ContainerSpec;
  const secrets = (c?.Secrets ?? []).filter((r) => r.File);
  const configs = (c?.Configs ?? []).filter((r) => r.File);
  if (secrets.length + configs.length === 0) return [];
  const src: Sources = {
    cluster,
    task,
    service,
    node: cluster.store.get<NodeObject>('node', task.NodeID ?? ''),
  };
  const out: DependencyFile[] = [];
  for (const r of secrets) {
    const data = payload(src, SECRET, r.SecretID ?? '');
    out.push(file(r.File!.Name.startsWith('/') ? r.File!.Name : joinPath(SECRET_DIR, r.File!.Name), data, r));
  }
  for (const r of configs) {
    const data = payload(src, CONFIG, r.ConfigID ?? '');
    out.push(file(r.File!.Name.startsWith('/') ? r.File!.Name : joinPath('/', r.File!.Name), data, r));
  }
  return out;
}

function file(target: string, data: string, r: SecretReference | ConfigReference): DependencyFile {
  return { target, data, uid: atoi(r.File!.UID), gid: atoi(r.File!.GID), mode: r.File!.Mode };
}

/** The object's data as the task sees it: the dependency store's Get, through the templated getter. */
function payload(src: Sources, kind: Kind, id: string): string {
  const o = getObject(src.cluster, kind, id);
  if (!o) throw new Error(`unable to get ${kind} from ${kind} store: ${kind} ${id} not found`);
  const data = decodeData(o.Spec.Data);
  const templating = o.Spec.Templating;
  if (!templating) return data;
  const failed = (message: string) =>
    new Error(
      `unable to get ${kind} from ${kind} store: failed to expand templated ${kind} ${id}: ${message}`,
    );
  if (templating.Name !== 'golang') throw failed('unrecognized template type');
  try {
    return expand(src, data);
  } catch (err) {
    throw failed(err instanceof Error ? err.message : String(err));
  }
}

/** template.PayloadContext.Expand: the task's context, and the functions that reach its other files. */
function expand(src: Sources, text: string): string {
  const { task, service, node } = src;
  const container = task.Spec.ContainerSpec ?? {};
  const findData = (kind: Kind, target: string): string => {
    const refs =
      kind === SECRET
        ? (container.Secrets ?? []).map((r) => ({ id: r.SecretID, file: r.File?.Name }))
        : (container.Configs ?? []).map((r) => ({ id: r.ConfigID, file: r.File?.Name }));
    const ref = refs.find((r) => r.file !== undefined && r.file === target);
    if (!ref) throw new Error(`${kind} target ${target} not found`);
    // the restricted getter gives the referenced object's own data, not expanded again
    const o = getObject(src.cluster, kind, ref.id ?? '');
    if (!o) throw new Error(`${kind} ${ref.id} not found`);
    return decodeData(o.Spec.Data);
  };
  const funcs = {
    join: goFunc([], (...s: string[]) => s.slice(1).join(s[0]), 'string'),
    secret: goFunc(['string'], (target: string) => findData(SECRET, target)),
    config: goFunc(['string'], (target: string) => findData(CONFIG, target)),
    env: goFunc(['string'], (name: string) => {
      for (const e of container.Env ?? []) {
        const eq = e.indexOf('=');
        if (eq >= 0 && e.slice(0, eq) === name) return e.slice(eq + 1);
      }
      return '';
    }),
  };
  // template.Context: the task's service, node and own names
  const context = withGoType(
    {
      Service: {
        ID: task.ServiceID ?? '',
        Name: service?.Spec.Name ?? '',
        Labels: goMap({ ...(service?.Spec.Labels ?? {}) }, 'map[string]string'),
      },
      Node: {
        ID: task.NodeID ?? '',
        Hostname: node?.Description?.Hostname ?? '',
        Platform: {
          Architecture: node?.Description?.Platform?.Architecture ?? '',
          OS: node?.Description?.Platform?.OS ?? '',
        },
      },
      Task: {
        ID: task.ID,
        Name: containerName(service, task),
        Slot: task.Slot ? String(task.Slot) : (task.NodeID ?? ''),
      },
    },
    '*template.PayloadContext',
  );
  return parseTemplate(text, funcs, { name: 'expansion', missingKey: 'error' }).execute(context);
}
