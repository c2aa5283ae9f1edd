/**
 * `docker swarm ca` — docker/cli cli/command/swarm/ca.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { parseExternalCA, parsePEMFile } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const caCommand: CommandSpec = {
  use: 'ca [OPTIONS]',
  short: 'Display and rotate the root CA',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.30' },
  flags: [
    {
      name: 'ca-cert',
      type: 'pem-file',
      usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster',
      parse: parsePEMFile,
    },
    {
      name: 'ca-key',
      type: 'pem-file',
      usage: 'Path to the PEM-formatted root CA key to use for the new cluster',
      parse: parsePEMFile,
    },
    {
      name: 'cert-expiry',
      type: 'duration',
      usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      defValue: '2160h0m0s',
    },
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the root rotation to converge',
    },
    {
      name: 'external-ca',
      type: 'external-ca',
      usage: 'Specifications of one or more certificate signing endpoints',
      parse: parseExternalCA,
      repeatable: true,
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
    {
      name: 'rotate',
      type: 'bool',
      usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated',
    },
  ],
  run: runCa,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCa(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
