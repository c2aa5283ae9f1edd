/** docker/cli opts/swarmopts/port.go: `--publish 8080:80` or `--publish published=8080,target=80,mode=host`. */
import { readCsvRecord } from '../csv.ts';
import { parsePortRange, parsePortSpecs, splitProtoPort } from '../nat.ts';
import { NumError, parseUint } from '../strconv.ts';

/** api/types/swarm.PortConfig */
export interface PortConfig {
  Protocol: string;
  TargetPort: number;
  PublishedPort: number;
  PublishMode: string;
}

function port(kind: string, val: string): number {
  try {
    return Number(parseUint(val, 10, 16));
  } catch (err) {
    const reason = err instanceof NumError ? err.reason : String(err);
    throw new Error(`invalid ${kind} port (${val}): value must be an integer: ${reason}`, { cause: err });
  }
}

/**
 * swarmopts.PortOpt.Set: one `--publish` gives one or more port configs. Differs from
 * Docker: docker logs a warning for a host IP in the short syntax; the run function may.
 */
export function parsePortOpt(value: string): PortConfig[] {
  if (/\w+=\w+/.test(value)) {
    const cfg: PortConfig = { Protocol: '', TargetPort: 0, PublishedPort: 0, PublishMode: '' };
    for (const field of readCsvRecord(value)) {
      const lower = field.toLowerCase();
      const eq = lower.indexOf('=');
      if (eq <= 0) throw new Error(`invalid field: ${field}`);
      const key = lower.slice(0, eq);
      const val = lower.slice(eq + 1);
      switch (key) {
        case 'protocol':
          if (val !== 'tcp' && val !== 'udp' && val !== 'sctp')
            throw new Error(`invalid protocol value '${val}'`);
          cfg.Protocol = val;
          break;
        case 'mode':
          if (val !== 'ingress' && val !== 'host') {
            throw new Error(`invalid publish mode value (${val}): must be either 'ingress' or 'host'`);
          }
          cfg.PublishMode = val;
          break;
        case 'target':
          cfg.TargetPort = port('target', val);
          break;
        case 'published':
          cfg.PublishedPort = port('published', val);
          break;
        default:
          throw new Error(`invalid field key: ${key}`);
      }
    }
    if (cfg.TargetPort === 0) throw new Error("missing mandatory field 'target'");
    if (cfg.PublishMode === '') cfg.PublishMode = 'ingress';
    if (cfg.Protocol === '') cfg.Protocol = 'tcp';
    return [cfg];
  }
  const { exposed, bindings } = parsePortSpecs([value]);
  for (const list of bindings.values()) {
    if (list.some((b) => b.HostIp !== '')) throw new Error('hostip is not supported');
  }
  const out: PortConfig[] = [];
  for (const p of exposed) {
    const [proto, portStr] = splitProtoPort(p);
    for (const binding of bindings.get(p) ?? []) {
      let range: [number, number];
      try {
        range = binding.HostPort === '' ? [0, 0] : parsePortRange(binding.HostPort);
      } catch (err) {
        throw new Error(`invalid hostport binding (${binding.HostPort}) for port (${portStr})`, {
          cause: err,
        });
      }
      const [start, end] = range;
      for (let i = start; i <= end; i++) {
        out.push({
          Protocol: proto.toLowerCase(),
          TargetPort: Number(portStr),
          PublishedPort: i,
          PublishMode: 'ingress',
        });
      }
    }
  }
  return out;
}
