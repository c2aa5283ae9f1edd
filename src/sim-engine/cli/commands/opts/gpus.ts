/** docker/cli opts/gpus.go: `--gpus all`, `--gpus '"device=0,1"'`. */
import { readCsvRecord } from './csv.ts';
import { NumError, atoi } from './strconv.ts';

/** api/types/container.DeviceRequest */
export interface DeviceRequest {
  Driver: string;
  Count: number;
  DeviceIDs: string[] | null;
  Capabilities: string[][];
  Options: Record<string, string>;
}

function parseCount(s: string): number {
  if (s === 'all') return -1;
  try {
    return atoi(s);
  } catch (err) {
    const reason = err instanceof NumError ? err.reason : String(err);
    throw new Error(`invalid count (${s}): value must be either "all" or an integer: ${reason}`, {
      cause: err,
    });
  }
}

/** opts.ConvertKVStringsToMap */
function kvMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** opts.GpuOpts.Set */
export function parseGpus(value: string): DeviceRequest {
  const fields = readCsvRecord(value);
  const req: DeviceRequest = { Driver: '', Count: 0, DeviceIDs: null, Capabilities: [], Options: {} };
  let capabilities: string[][] | undefined;
  let options: Record<string, string> | undefined;
  const seen = new Set<string>();
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = eq >= 0 ? field.slice(0, eq) : field;
    const val = eq >= 0 ? field.slice(eq + 1) : '';
    if (seen.has(key)) throw new Error(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      req.Count = parseCount(key);
      continue;
    }
    switch (key) {
      case 'driver':
        req.Driver = val;
        break;
      case 'count':
        req.Count = parseCount(val);
        break;
      case 'device':
        req.DeviceIDs = val.split(',');
        break;
      case 'capabilities':
        capabilities = [[...val.split(','), 'gpu']];
        break;
      case 'options':
        try {
          options = kvMap(readCsvRecord(val));
        } catch (err) {
          throw new Error(`failed to read gpu options: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
          });
        }
        break;
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!seen.has('count') && req.DeviceIDs === null) req.Count = 1;
  req.Options = options ?? {};
  req.Capabilities = capabilities ?? [['gpu']];
  return req;
}
