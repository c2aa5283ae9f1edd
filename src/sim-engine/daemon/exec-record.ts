/** An exec instance (`docker exec`): created, then started once, then inspected for its exit code. */
import type { ExecConfig } from '../api/types/container.ts';

export interface ExecRecord {
  id: string;
  containerId: string;
  config: ExecConfig;
  /** its DetachKeys as bytes (empty for the default) */
  detachKeys: string;
  running: boolean;
  exitCode: number | null;
  pid: number;
  /** the stdin of the started process (attached clients write here) */
  stdin?: { write(text: string): void; close(): void };
  started: boolean;
}
