/**
 * github.com/docker/go-connections/nat: port specs as `-p` and `--publish` take them
 * (`8080:80`, `127.0.0.1:8080:80/udp`, `8000-8010:80-90`, `80`), with its error texts.
 */
import { parseIP } from './ip.ts';
import { NumError, parseUint } from './strconv.ts';

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface PortMapping {
  /** `80/tcp` */
  port: string;
  binding: PortBinding;
}

/** nat.SplitProtoPort: [proto, port] */
export function splitProtoPort(rawPort: string): [string, string] {
  const slash = rawPort.indexOf('/');
  const port = slash >= 0 ? rawPort.slice(0, slash) : rawPort;
  let proto = slash >= 0 ? rawPort.slice(slash + 1) : '';
  if (port === '') return ['', ''];
  if (proto === '') proto = 'tcp';
  return [proto, port];
}

/** nat.ParsePortRange: [start, end]; strconv errors pass through as Go returns them. */
export function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  if (!ports.includes('-')) {
    const p = Number(parseUint(ports, 10, 16));
    return [p, p];
  }
  const parts = ports.split('-');
  const start = Number(parseUint(parts[0]!, 10, 16));
  const end = Number(parseUint(parts[1]!, 10, 16));
  if (end < start) throw new Error('invalid range specified for port: ' + ports);
  return [start, end];
}

/** nat.ParsePort */
export function parsePort(rawPort: string): number {
  if (rawPort === '') return 0;
  try {
    return Number(parseUint(rawPort, 10, 16));
  } catch (err) {
    const reason = err instanceof NumError ? err.reason : String(err);
    throw new Error(`invalid port '${rawPort}': ${reason}`, { cause: err });
  }
}

function splitParts(rawport: string): [string, string, string] {
  const parts = rawport.split(':');
  switch (parts.length) {
    case 1:
      return ['', '', parts[0]!];
    case 2:
      return ['', parts[0]!, parts[1]!];
    case 3:
      return [parts[0]!, parts[1]!, parts[2]!];
    default: {
      const n = parts.length;
      return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, parts[n - 1]!];
    }
  }
}

/** nat.ParsePortSpec */
export function parsePortSpec(rawPort: string): PortMapping[] {
  const parts = splitParts(rawPort);
  let ip = parts[0];
  const hostPort = parts[1];
  const [protoRaw, containerPort] = splitProtoPort(parts[2]);
  let proto = protoRaw;
  proto = proto.toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new Error('invalid proto: ' + proto);
  if (ip !== '' && ip[0] === '[') {
    // net.SplitHostPort(ip + ":")
    if (!ip.endsWith(']')) {
      throw new Error(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    }
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && parseIP(ip) === undefined) throw new Error('invalid IP address: ' + ip);
  if (containerPort === '') throw new Error(`no port specified: ${rawPort}<empty>`);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch (err) {
    throw new Error('invalid containerPort: ' + containerPort, { cause: err });
  }
  let hostStart = 0;
  let hostEnd = 0;
  if (hostPort !== '') {
    try {
      [hostStart, hostEnd] = parsePortRange(hostPort);
    } catch (err) {
      throw new Error('invalid hostPort: ' + hostPort, { cause: err });
    }
    if (end - start !== hostEnd - hostStart && end !== start) {
      throw new Error(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
      );
    }
  }
  const count = end - start + 1;
  const out: PortMapping[] = [];
  for (let i = 0; i < count; i++) {
    let hPort = '';
    if (hostPort !== '') {
      hPort = String(hostStart + i);
      if (count === 1 && hostStart !== hostEnd) hPort += '-' + String(hostEnd);
    }
    out.push({ port: `${start + i}/${proto}`, binding: { HostIp: ip, HostPort: hPort } });
  }
  return out;
}

/** nat.ParsePortSpecs: exposed ports (in first-seen order) and their bindings. */
export function parsePortSpecs(specs: readonly string[]): {
  exposed: string[];
  bindings: Map<string, PortBinding[]>;
} {
  const exposed: string[] = [];
  const bindings = new Map<string, PortBinding[]>();
  for (const spec of specs) {
    for (const pm of parsePortSpec(spec)) {
      if (!bindings.has(pm.port)) {
        exposed.push(pm.port);
        bindings.set(pm.port, []);
      }
      bindings.get(pm.port)!.push(pm.binding);
    }
  }
  return { exposed, bindings };
}
