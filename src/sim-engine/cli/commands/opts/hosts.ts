/** docker/cli opts/hosts.go */
import { goQuote } from '../../flag-values.ts';
import { validateIPAddress } from './opts.ts';

const hostGatewayName = 'host-gateway';

/** opts.ValidateExtraHost: `name:ip`, `name=ip` or `name=[ipv6]`, returned as `name:ip`. */
export function validateExtraHost(val: string): string {
  let sep = val.indexOf('=');
  if (sep < 0) sep = val.indexOf(':');
  const k = sep >= 0 ? val.slice(0, sep) : val;
  let v = sep >= 0 ? val.slice(sep + 1) : '';
  if (sep < 0 || k === '' || k.includes(':')) throw new Error(`bad format for add-host: ${goQuote(val)}`);
  if (v !== hostGatewayName) {
    if (v.length > 2 && v[0] === '[' && v[v.length - 1] === ']') v = v.slice(1, -1);
    try {
      validateIPAddress(v);
    } catch {
      throw new Error(`invalid IP address in add-host: ${goQuote(v)}`);
    }
  }
  return k + ':' + v;
}
