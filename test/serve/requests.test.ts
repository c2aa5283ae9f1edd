/**
 * The API inspector shows what the real docker CLI sends (issue #7). test/serve/requests/
 * holds, for the commands the course teaches, the requests the real docker CLI 28 sent
 * to `dockersim serve` (record.ts); here the same scripts run in process on a headless
 * lab, and for each command the requests the lab's API log (src/lab/api-log.ts, what
 * the inspector draws) kept must be the recorded ones: method, path (its /vX.Y prefix
 * aside), query in the order sent, and the JSON body, IDs and times masked on both sides.
 *
 * A command that polls (`service create` without -d waiting for its tasks, `service
 * scale`, `service update`) repeats a round of requests as many times as the tasks take
 * to converge — wall time on the real side, virtual here: both sides are compared with
 * each repeated round taken out, so a round counts as "one or more of these requests".
 *
 * Runs from the committed fixtures alone: no docker CLI is needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiLog } from '../../src/lab/api-log.ts';
import { readFolder } from '../../src/node/main.ts';
import { scriptLines } from './both-sides.ts';
import { nodeSubstitutions } from '../../src/node/transcript.ts';
import { HeadlessLab } from '../../src/node/verify.ts';
import {
  collapseRepeats,
  normalRequest,
  requestDifferences,
  requestLine,
  type NormalRequest,
  type RequestFixture,
} from './requests/normalize.ts';

const here = join(dirname(fileURLToPath(import.meta.url)), 'requests');

/**
 * Commands whose requests the real CLI sends in Go map order, which is random: they are
 * compared as a set. `stack deploy` ranges over the stack's services, a map
 * (deploy_composefile.go deployServices).
 */
const MAP_ORDER = [/^docker stack deploy\b/];

/**
 * Requests whose body the CLI 28.2.2 that recorded them writes in another field order
 * than the CLI 28.5.2 Dockyard is: the struct changed in between. ExecOptions' Detach,
 * deprecated, moved to the end (moby api/types/container/exec.go, v28.2.2 → v28.5.1).
 */
const FIELD_ORDER_CHANGED = [/^POST \/containers\/[^/]+\/exec$/];

const sorted = (requests: NormalRequest[]) =>
  [...requests].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const names = readdirSync(join(here, 'scenarios'));

describe('the API inspector shows the requests the real docker CLI sends', () => {
  for (const name of names) {
    it(
      name,
      async () => {
        const fixture = JSON.parse(readFileSync(join(here, `${name}.json`), 'utf8')) as RequestFixture;
        const files = readFolder(join(here, 'scenarios', name));
        // the fixture is the script's, every line recorded (record.ts again after an edit)
        expect(fixture.commands.map((c) => c.command)).toEqual(scriptLines(files['script.sh']!));
        delete files['script.sh'];
        const lab = new HeadlessLab({ images: fixture.images, files, nodes: fixture.nodes });
        const log = new ApiLog(lab.engine, lab.nodes);
        const differences: string[] = [];
        for (const recorded of fixture.commands) {
          // `@nodeK CMD` runs in node K's terminal, whose inspector shows what its CLI sent
          // (to node1's daemon too, for `$(@node1 …)`, as the recorded daemons received it)
          const at = /^@(\S+)\s/.exec(recorded.command);
          const node = at && lab.nodes.includes(at[1]!) ? at[1]! : lab.nodes[0]!;
          log.begin(node, recorded.command);
          const { status, output } = await lab.run(nodeSubstitutions(recorded.command));
          const shown = log.last(node)!.requests.map((r) => normalRequest(r.method, r.path, r.requestBody));
          let real = recorded.requests;
          let simulated = collapseRepeats(shown, isDeepStrictEqual);
          if (MAP_ORDER.some((re) => re.test(recorded.command))) {
            real = sorted(real);
            simulated = sorted(simulated);
          }
          const found = requestDifferences(real, simulated, (r) =>
            FIELD_ORDER_CHANGED.some((re) => re.test(requestLine(r))),
          );
          if (status !== recorded.exit) found.unshift(`exit ${recorded.exit} ≠ ${status}: ${output}`);
          if (found.length) differences.push(`$ ${recorded.command}\n  ${found.join('\n  ')}`);
        }
        expect(differences.join('\n\n')).toBe('');
      },
      120_000,
    );
  }
});
