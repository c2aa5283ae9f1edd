/**
 * What a node tells the manager about itself when it joins (the agent's executor
 * Describe, moby daemon/cluster/executor/container/executor.go) and the swarm's root
 * CA as `inspect` shows it (TLSInfo).
 */
import type { NodeDescription, PluginDescription, TLSInfo } from '../../api/types/swarm.ts';
import { ENGINE_VERSION } from '../../api/version.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import {
  ARCHITECTURE,
  LOG_DRIVERS,
  NETWORK_DRIVERS,
  VOLUME_DRIVERS,
} from '../../daemon/system/engine-host.ts';
import type { Random } from '../../random.ts';
import { base64, randomBytes } from './identity.ts';

/** executor.Describe: plugins sorted by type then name (sort.Sort(sortedPlugins)). */
function plugins(): PluginDescription[] {
  const out: PluginDescription[] = [
    ...LOG_DRIVERS.map((Name) => ({ Type: 'Log', Name })),
    ...NETWORK_DRIVERS.map((Name) => ({ Type: 'Network', Name })),
    ...VOLUME_DRIVERS.map((Name) => ({ Type: 'Volume', Name })),
  ];
  return out.sort((a, b) => (a.Type === b.Type ? (a.Name < b.Name ? -1 : 1) : a.Type < b.Type ? -1 : 1));
}

export function describeNode(d: Daemon, tls: TLSInfo): NodeDescription {
  return {
    Hostname: d.hostname,
    Platform: { Architecture: ARCHITECTURE, OS: 'linux' },
    Resources: { NanoCPUs: d.ncpu * 1e9, MemoryBytes: d.memTotal },
    Engine: { EngineVersion: ENGINE_VERSION, Plugins: plugins() },
    TLSInfo: { ...tls },
  };
}

/** DER of the subject `CN=swarm-ca`, every swarm's root CA issuer (ca/config.go rootCN). */
const SWARM_CA_SUBJECT = [
  0x30, 0x13, 0x31, 0x11, 0x30, 0x0f, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x08, 0x73, 0x77, 0x61, 0x72, 0x6d,
  0x2d, 0x63, 0x61,
];
/** SubjectPublicKeyInfo header of an ECDSA P-256 key (ca.RootCA keys are P-256). */
const P256_SPKI_HEADER = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
  0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];

/**
 * A root CA as TLSInfo. Differs from Docker: the certificate is shaped like SwarmKit's
 * (a 366-byte DER beginning as an X.509 certificate, PEM-wrapped at 64 columns; the
 * issuer's subject is `CN=swarm-ca`, its key a P-256 point) but is not a certificate
 * anything could verify, because the simulation does no cryptography.
 */
export function newRootCA(random: Random): TLSInfo {
  const der = [0x30, 0x82, 0x01, 0x6a, 0x30, 0x82, 0x01, 0x10, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14];
  der.push(...randomBytes(random, 366 - der.length));
  const b64 = base64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return {
    TrustRoot: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    CertIssuerSubject: base64(SWARM_CA_SUBJECT),
    CertIssuerPublicKey: base64([...P256_SPKI_HEADER, ...randomBytes(random, 64)]),
  };
}
