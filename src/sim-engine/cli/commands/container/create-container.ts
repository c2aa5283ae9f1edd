/**
 * docker/cli container/create.go createContainer: create the container, pulling the
 * image first when it is missing (`Unable to find image … locally` and the pull's
 * progress on stderr) or when `--pull always`, then print the daemon's warnings.
 */
import { ApiClientError } from '../../../api/client.ts';
import type { ContainerCreateRequest, ContainerCreateResponse } from '../../../api/types/container.ts';
import { familiarString, parseNormalizedNamed } from '../../../images/reference.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { displayJSONMessages } from '../../jsonmessage.ts';

export interface CreateOptions {
  name: string;
  /** always, missing or never */
  pull: string;
  quiet: boolean;
  platform: string;
}

/** reference.ParseAnyReference + TagNameOnly: the name a pull uses, or the parse error. */
function namedRef(image: string): { fromImage: string; tag: string; familiar: string } | undefined {
  if (/^(sha256:)?[0-9a-f]{64}$/.test(image)) return undefined;
  // reference.ParseAnyReference: a full image ID, or a name to normalise
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) throw new Error(parsed.error);
  const ref = parsed.ref.tag || parsed.ref.digest ? parsed.ref : { ...parsed.ref, tag: 'latest' };
  return {
    fromImage: `${ref.domain}/${ref.path}`,
    tag: ref.digest ?? ref.tag!,
    familiar: familiarString(ref),
  };
}

export async function pullForRun(
  cli: DockerCli,
  ref: { fromImage: string; tag: string },
  quiet: boolean,
): Promise<void> {
  const res = await cli.client.request('POST', '/images/create', {
    query: { fromImage: ref.fromImage, tag: ref.tag },
    headers: { 'X-Registry-Auth': 'e30=' },
  });
  if (res.stream?.kind !== 'json') return;
  const out = quiet ? { write() {} } : cli.err;
  await displayJSONMessages(res.stream.messages, out, cli.outIsTerminal && !quiet, cli.width);
}

export async function createContainer(
  cli: DockerCli,
  request: ContainerCreateRequest,
  options: CreateOptions,
): Promise<string> {
  const ref = namedRef(request.Image ?? '');
  if (options.pull === 'always' && ref) await pullForRun(cli, ref, options.quiet);
  const query = { name: options.name || undefined, platform: options.platform || undefined };
  let response: ContainerCreateResponse;
  try {
    response = await cli.client.post<ContainerCreateResponse>('/containers/create', query, request);
  } catch (err) {
    if (!(err instanceof ApiClientError && err.isNotFound && ref && options.pull === 'missing')) throw err;
    if (!options.quiet) cli.err.write(`Unable to find image '${ref.familiar}' locally\n`);
    await pullForRun(cli, ref, options.quiet);
    response = await cli.client.post<ContainerCreateResponse>('/containers/create', query, request);
  }
  for (const w of response.Warnings ?? []) cli.err.write(`WARNING: ${w}\n`);
  return response.Id;
}

export function validatePullOpt(pull: string): void {
  if (!['always', 'missing', 'never', ''].includes(pull)) {
    throw new Error(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
}
