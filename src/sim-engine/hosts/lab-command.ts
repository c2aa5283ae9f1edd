/**
 * `lab`: what happens to machines rather than to Docker. `lab nodes` lists them;
 * `lab stop NODE` and `lab start NODE` kill and boot a node; `lab disconnect NODE`
 * and `lab connect NODE` unplug it from the lab network and back.
 */
import { machineBooted, machineDied } from '../daemon/power.ts';
import type { Program } from '../process/types.ts';
import type { Engine } from './engine.ts';

const USAGE = `Usage: lab COMMAND [NODE]

Commands:
  nodes              List the lab's nodes
  stop NODE          Stop a node, as if its machine died
  start NODE         Start a stopped node again
  disconnect NODE    Cut a node off the lab network
  connect NODE       Plug a node back into the lab network
`;

export function createLabProgram(engine: Engine): Program {
  return async (ctx) => {
    const [, command, name] = ctx.argv;
    if (!command || command === '--help' || command === '-h') {
      (command ? ctx.stdout : ctx.stderr).write(USAGE);
      return command ? 0 : 1;
    }
    if (command === 'nodes') {
      const rows = engine.hosts.map((h) => [
        h.name,
        h.ip,
        h.up ? 'running' : 'stopped',
        h.connected ? 'connected' : 'disconnected',
      ]);
      const widths = [4, 7, 6, 7].map((w, i) => Math.max(w, ...rows.map((r) => r[i]!.length)));
      const fmt = (r: string[]) =>
        r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]! + 3) : c)).join('') + '\n';
      ctx.stdout.write(fmt(['NODE', 'ADDRESS', 'STATE', 'NETWORK']) + rows.map(fmt).join(''));
      return 0;
    }
    if (!['stop', 'start', 'disconnect', 'connect'].includes(command)) {
      ctx.stderr.write(`lab: unknown command: ${command}\n\n${USAGE}`);
      return 1;
    }
    if (!name) {
      ctx.stderr.write(`lab: ${command} needs a node name\n`);
      return 1;
    }
    const host = engine.hosts.find((h) => h.name === name);
    if (!host) {
      ctx.stderr.write(`lab: no such node: ${name}\n`);
      return 1;
    }
    switch (command) {
      case 'stop':
        // the machine dies: its containers' processes with it (daemon/power.ts)
        if (host.up) machineDied(host.daemon);
        host.up = false;
        break;
      case 'start':
        // it boots: the daemon restores what died with the machine
        if (!host.up) {
          host.up = true;
          machineBooted(host.daemon);
        }
        break;
      case 'disconnect':
        host.connected = false;
        break;
      case 'connect':
        host.connected = true;
        break;
    }
    engine.machineChanged(host);
    ctx.stdout.write(
      `${name}: ${command === 'stop' ? 'stopped' : command === 'start' ? 'started' : command === 'disconnect' ? 'disconnected' : 'connected'}\n`,
    );
    return 0;
  };
}
