/** docker/cli opts/weightdevice.go: `--blkio-weight-device /dev/sda:200`. */
import { parseUint } from './strconv.ts';

export interface WeightDevice {
  Path: string;
  Weight: number;
}

/** opts.ValidateWeightDevice */
export function validateWeightDevice(val: string): WeightDevice {
  const i = val.indexOf(':');
  const k = i >= 0 ? val.slice(0, i) : '';
  if (i < 0 || k === '') throw new Error(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) throw new Error(`bad format for device path: ${val}`);
  let weight: number;
  try {
    weight = Number(parseUint(val.slice(i + 1), 10, 16));
  } catch {
    throw new Error(`invalid weight for device: ${val}`);
  }
  if (weight > 0 && (weight < 10 || weight > 1000)) throw new Error(`invalid weight for device: ${val}`);
  return { Path: k, Weight: weight };
}
