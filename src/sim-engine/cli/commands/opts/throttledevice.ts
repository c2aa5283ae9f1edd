/** docker/cli opts/throttledevice.go: `--device-read-bps /dev/sda:1mb` and friends. */
import { parseUint } from './strconv.ts';
import { ramInBytes } from '../../../golang/units.ts';

export interface ThrottleDevice {
  Path: string;
  Rate: number;
}

function split(val: string): [string, string] {
  const i = val.indexOf(':');
  const k = i >= 0 ? val.slice(0, i) : '';
  if (i < 0 || k === '') throw new Error(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) throw new Error(`bad format for device path: ${val}`);
  return [k, val.slice(i + 1)];
}

/** opts.ValidateThrottleBpsDevice */
export function validateThrottleBpsDevice(val: string): ThrottleDevice {
  const [path, v] = split(val);
  const bad = () =>
    new Error(
      `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`,
    );
  let rate: number;
  try {
    rate = ramInBytes(v);
  } catch {
    throw bad();
  }
  if (rate < 0) throw bad();
  return { Path: path, Rate: rate };
}

/** opts.ValidateThrottleIOpsDevice */
export function validateThrottleIOpsDevice(val: string): ThrottleDevice {
  const [path, v] = split(val);
  try {
    return { Path: path, Rate: Number(parseUint(v, 10, 64)) };
  } catch {
    throw new Error(
      `invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`,
    );
  }
}
