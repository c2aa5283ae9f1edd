/** docker/cli cli/command/swarm/opts.go: the option types of `swarm init`, `join`, `update`, `ca`. */
import { readCsvRecord } from '../opts/csv.ts';
import { parseTCPAddr } from '../opts/hosts.ts';

const defaultListenAddr = '0.0.0.0:2377';

/** NodeAddrOption.Set (`--listen-addr`): `host:port` with the default filled in. */
export function parseNodeAddr(value: string): string {
  return parseTCPAddr(value, defaultListenAddr).replace(/^tcp:\/\//, '');
}

/**
 * PEMFile.Set (`--ca-cert`, `--ca-key`). Differs from Docker: docker reads the file and
 * checks it is PEM while parsing flags; a parse function has no file system, so this
 * keeps the path and the run function reads it ("file contents must be in PEM format").
 */
export function parsePEMFile(value: string): string {
  return value;
}

/** api/types/swarm.ExternalCA (CACert holds the `cacert=` path until the run function reads it) */
export interface ExternalCA {
  Protocol: string;
  URL: string;
  Options: Record<string, string>;
  CACert?: string;
}

/**
 * ExternalCAOption.Set: `protocol=cfssl,url=https://…`. Differs from Docker: `cacert=`
 * is read by docker here; this keeps the path for the run function to read.
 */
export function parseExternalCA(caSpec: string): ExternalCA {
  const ca: ExternalCA = { Protocol: '', URL: '', Options: {} };
  let hasProtocol = false;
  let hasURL = false;
  for (const field of readCsvRecord(caSpec)) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new Error(`invalid field '${field}' must be a key=value pair`);
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    switch (key.toLowerCase()) {
      case 'protocol':
        hasProtocol = true;
        if (value.toLowerCase() !== 'cfssl') throw new Error(`unrecognized external CA protocol ${value}`);
        ca.Protocol = 'cfssl';
        break;
      case 'url':
        hasURL = true;
        ca.URL = value;
        break;
      case 'cacert':
        ca.CACert = value;
        break;
      default:
        ca.Options[key] = value;
    }
  }
  if (!hasProtocol) throw new Error('the external-ca option needs a protocol= parameter');
  if (!hasURL) throw new Error('the external-ca option needs a url= parameter');
  return ca;
}
