/**
 * A service's `ports:` — docker/cli loader.transformServicePort: a number or a string
 * goes through nat.ParsePortSpecs and swarmopts.ConvertPortToPortConfig, a mapping is
 * the long syntax as it is.
 */
import { parseIP } from '../../cli/commands/opts/ip.ts';
import { parsePortRange, parsePortSpecs, splitProtoPort } from '../../cli/commands/opts/nat.ts';
import type { ServicePortConfig } from '../types.ts';
import type { YamlValue } from '../yaml/index.ts';
import { goTypeName, isDict, Struct } from './decoder.ts';
import type { LoadHost } from './host.ts';

/**
 * transformServicePort: a number or `"[ip:]published:target[/proto]"` through
 * nat.ParsePortSpecs and swarmopts.ConvertPortToPortConfig (ports sorted as strings,
 * a published range one config per port, a host IP ignored with a warning); a mapping
 * as it is.
 */
export function servicePorts(v: YamlValue, s: Struct, host: LoadHost): ServicePortConfig[] {
  if (!Array.isArray(v)) throw new Error(`invalid type ${goTypeName(v)} for port`);
  const out: ServicePortConfig[] = [];
  v.forEach((entry, i) => {
    if (typeof entry === 'number' || typeof entry === 'bigint' || typeof entry === 'string') {
      out.push(...shortPort(String(entry), host));
    } else if (isDict(entry)) {
      const p = new Struct(entry, `Ports[${i}]`, s.errors);
      out.push({
        mode: p.string('mode'),
        target: p.uint('Target', 'target'),
        published: p.uint('Published', 'published'),
        protocol: p.string('protocol'),
      });
    } else throw new Error(`invalid type ${goTypeName(entry)} for port`);
  });
  return out;
}

function shortPort(value: string, host: LoadHost): ServicePortConfig[] {
  const { exposed, bindings } = parsePortSpecs([value]);
  const out: ServicePortConfig[] = [];
  for (const port of [...exposed].sort()) {
    const [proto, portNum] = splitProtoPort(port);
    for (const b of bindings.get(port) ?? []) {
      const ip = parseIP(b.HostIp);
      if (ip !== undefined && !/^(0\.0\.0\.0|::)$/.test(b.HostIp))
        host.warn(
          `ignoring IP-address (${b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp}:${b.HostPort}:${port}) service will listen on '0.0.0.0'`,
        );
      let start = 0;
      let end = 0;
      if (b.HostPort !== '') {
        try {
          [start, end] = parsePortRange(b.HostPort);
        } catch {
          throw new Error(`invalid hostport binding (${b.HostPort}) for port (${portNum})`);
        }
      }
      for (let p = start; p <= end; p++)
        out.push({ mode: 'ingress', target: Number(portNum), published: p, protocol: proto.toLowerCase() });
    }
  }
  return out;
}
