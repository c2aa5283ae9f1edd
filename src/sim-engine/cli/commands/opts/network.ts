/** docker/cli opts/network.go: `--network name` or `--network name=n,alias=a,ip=…`. */
import { readCsvRecord } from './csv.ts';
import { NumError, atoi } from './strconv.ts';

export interface NetworkAttachmentOpts {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
  Links?: string[];
  IPv4Address?: string;
  IPv6Address?: string;
  LinkLocalIPs?: string[];
  MacAddress?: string;
  GwPriority?: number;
}

function parseDriverOpt(driverOpt: string): [string, string] {
  const lower = driverOpt.toLowerCase();
  const eq = lower.indexOf('=');
  const key = eq >= 0 ? lower.slice(0, eq) : '';
  if (eq < 0 || key === '') throw new Error('invalid key value pair format in driver options');
  return [key.trim(), lower.slice(eq + 1).trim()];
}

/** opts.NetworkOpt.Set */
export function parseNetwork(value: string): NetworkAttachmentOpts {
  // regexp.MatchString(`\w+=\w+(,\w+=\w+)*`, value): unanchored
  if (!/\w+=\w+/.test(value)) return { Target: value };
  const fields = readCsvRecord(value);
  const opt: NetworkAttachmentOpts = { Target: '', Aliases: [] };
  for (const field of fields) {
    const lower = field.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq < 0 || eq === 0) throw new Error(`invalid field ${field}`);
    const key = lower.slice(0, eq).trim();
    const val = lower.slice(eq + 1).trim();
    switch (key) {
      case 'name':
        opt.Target = val;
        break;
      case 'alias':
        opt.Aliases!.push(val);
        break;
      case 'ip':
        opt.IPv4Address = val;
        break;
      case 'ip6':
        opt.IPv6Address = val;
        break;
      case 'mac-address':
        opt.MacAddress = val;
        break;
      case 'link-local-ip':
        (opt.LinkLocalIPs ??= []).push(val);
        break;
      case 'driver-opt': {
        const [k, v] = parseDriverOpt(val);
        (opt.DriverOpts ??= {})[k] = v;
        break;
      }
      case 'gw-priority':
        try {
          opt.GwPriority = atoi(val);
        } catch (err) {
          throw new Error(
            `invalid gw-priority (${val}): ${err instanceof NumError ? err.reason : String(err)}`,
            { cause: err },
          );
        }
        break;
      default:
        throw new Error('invalid field key ' + key);
    }
  }
  if (opt.Target.length === 0) throw new Error('network name/id is not specified');
  return opt;
}
