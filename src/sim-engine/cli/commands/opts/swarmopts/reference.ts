/**
 * What docker/cli opts/swarmopts/config.go and secret.go share: `--config name` or
 * `--config source=name,target=/path,uid=0,gid=0,mode=0444`.
 */
import { parseGoUint } from '../../../flag-values.ts';
import { readCsvRecord } from '../csv.ts';

export interface FileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}

/** [name of the config or secret, the file it becomes] */
export function parseReference(value: string, kind: 'config' | 'secret'): [string, FileTarget] {
  const fields = readCsvRecord(value);
  const file: FileTarget = { Name: '', UID: '0', GID: '0', Mode: 0o444 };
  if (fields.length === 1 && !fields[0]!.includes('=')) {
    file.Name = fields[0]!;
    return [fields[0]!, file];
  }
  let name = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq <= 0) throw new Error(`invalid field '${field}' must be a key=value pair`);
    const key = field.slice(0, eq);
    const val = field.slice(eq + 1);
    switch (key.toLowerCase()) {
      case 'source':
      case 'src':
        name = val;
        break;
      case 'target':
        file.Name = val;
        break;
      case 'uid':
        file.UID = val;
        break;
      case 'gid':
        file.GID = val;
        break;
      case 'mode':
        try {
          file.Mode = parseGoUint(val, 32);
        } catch (err) {
          throw new Error(`invalid mode specified: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
          });
        }
        break;
      default:
        throw new Error(`invalid field in ${kind} request: ${key}`);
    }
  }
  if (name === '') throw new Error('source is required');
  if (file.Name === '') file.Name = name;
  return [name, file];
}
