/**
 * buildpack-deps:trixie, the base of the full python, node and golang images:
 * repo-info repos/python/remote/latest.md (Aug 2026; these four layers' digests are real).
 * `curl` adds ca-certificates/curl/gnupg/wget, `scm` git/mercurial/ssh/svn/procps, and
 * the last layer the compilers and -dev packages.
 */
import { debianBase, run } from './spec.ts';
import type { LayerSpec } from './spec.ts';

export const BUILDPACK_TRIXIE_CURL = [
  debianBase('2026-08-24T00:00:00Z', 'trixie', 1787529600),
  run(
    '2026-08-25T00:50:59Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \tapt-get dist-clean',
  ),
];
export const BUILDPACK_TRIXIE_SCM = [
  ...BUILDPACK_TRIXIE_CURL,
  run(
    '2026-08-25T01:38:30Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \tapt-get dist-clean',
  ),
];
export const BUILDPACK_TRIXIE = [
  ...BUILDPACK_TRIXIE_SCM,
  run(
    '2026-08-25T02:19:04Z',
    'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev',
  ),
];

export const BUILDPACK_TRIXIE_CURL_LAYERS: LayerSpec[] = [
  [
    'debian:trixie#20260824',
    49337828,
    undefined,
    '27ee9a8250487842a26b1ffa1215982ba9ae27010bce1997d52f9f8628578d17',
  ],
  [
    'buildpack-curl:trixie#20260825',
    25639590,
    undefined,
    '00f78834a2fef03250be89a7741ff39d0e6bbd860298ea129a84ce5eadda1f6d',
  ],
];
export const BUILDPACK_TRIXIE_SCM_LAYERS: LayerSpec[] = [
  ...BUILDPACK_TRIXIE_CURL_LAYERS,
  [
    'buildpack-scm:trixie#20260825',
    67800074,
    undefined,
    'cbc19164244e861d91ebd80a17e2c78c5be43a8059a32ab6fc459a92002b22f2',
  ],
];
export const BUILDPACK_TRIXIE_LAYERS: LayerSpec[] = [
  ...BUILDPACK_TRIXIE_SCM_LAYERS,
  [
    'buildpack-dev:trixie#20260825',
    236338551,
    undefined,
    '44fed46b68cf907ddf6afb6bc4211842f016a0876b02fc27912582de4c2fed3b',
  ],
];
