/**
 * The registry's HTTP API (Docker Registry HTTP API V2 / OCI distribution), as
 * `curl` and a daemon use it: `GET /v2/` (`{}`), `/v2/_catalog`,
 * `/v2/<name>/tags/list`, manifests (GET, HEAD, PUT), blobs (GET, HEAD) and uploads
 * (`POST /v2/<name>/blobs/uploads/` → 202 with a Location; `PATCH` data; `PUT
 * ?digest=`; or a monolithic `POST ?digest=`; a cross-repository mount `POST
 * ?mount=&from=`; `DELETE` to cancel), with distribution's error bodies.
 * Deleting is refused unless REGISTRY_STORAGE_DELETE_ENABLED is true.
 */
import type { HttpRequest, HttpResponse } from '../../../process/types.ts';
import { byteLength, splitPath } from '../support/http.ts';
import type { RegistryStorage } from './storage.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface RegistryApi {
  storage: RegistryStorage;
  deleteEnabled: boolean;
  newUploadId: () => string;
  uploads: Map<string, string>;
}

function reply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  type = JSON_TYPE,
): HttpResponse {
  return {
    status,
    headers: {
      'Content-Type': type,
      'Docker-Distribution-Api-Version': 'registry/2.0',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
      'Content-Length': String(byteLength(body)),
    },
    body,
  };
}

function error(status: number, code: string, message: string, detail?: unknown): HttpResponse {
  const d = detail === undefined ? '' : `,"detail":${JSON.stringify(detail)}`;
  return reply(status, `{"errors":[{"code":"${code}","message":"${message}"${d}}]}\n`);
}

const NAME = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*';
const ROUTES = {
  tags: new RegExp(`^/v2/(${NAME})/tags/list$`),
  manifest: new RegExp(`^/v2/(${NAME})/manifests/([^/]+)$`),
  blob: new RegExp(`^/v2/(${NAME})/blobs/(sha256:[a-f0-9]{64})$`),
  upload: new RegExp(`^/v2/(${NAME})/blobs/uploads/([^/]*)$`),
};

export function handleRegistry(api: RegistryApi, req: HttpRequest): HttpResponse {
  const { path, query } = splitPath(req.path);
  const params = new Map(
    query
      .split('&')
      .filter(Boolean)
      .map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]),
  );
  const s = api.storage;
  if (path === '/v2/' || path === '/v2') return reply(200, '{}');
  if (path === '/v2/_catalog') return reply(200, `${JSON.stringify({ repositories: s.repositories() })}\n`);
  let m = ROUTES.tags.exec(path);
  if (m) {
    const tags = s.tags(m[1]!);
    if (tags === undefined)
      return error(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name: m[1] });
    return reply(200, `${JSON.stringify({ name: m[1], tags })}\n`);
  }
  m = ROUTES.manifest.exec(path);
  if (m) {
    const [, name, ref] = m as unknown as [string, string, string];
    if (req.method === 'PUT') {
      const digest = s.putManifest(name, ref, req.body);
      return reply(201, '', { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest });
    }
    if (req.method === 'DELETE') {
      if (!api.deleteEnabled) return error(405, 'UNSUPPORTED', 'The operation is unsupported.');
      return reply(202, '');
    }
    const found = s.getManifest(name, ref);
    if (!found) {
      // distribution 2.8: an unknown tag (of any repository, known or not) is ErrTagUnknown,
      // an unknown digest ErrManifestUnknownRevision; both MANIFEST_UNKNOWN
      return error(
        404,
        'MANIFEST_UNKNOWN',
        'manifest unknown',
        ref.startsWith('sha256:') ? { Name: name, Revision: ref } : { Tag: ref },
      );
    }
    const headers = { 'Docker-Content-Digest': found.digest, Etag: `"${found.digest}"` };
    const res = reply(200, found.content, headers, found.mediaType);
    return req.method === 'HEAD' ? { ...res, body: '' } : res;
  }
  m = ROUTES.blob.exec(path);
  if (m) {
    // a blob is served through a repository that links it (linkedBlobStore)
    const blob = s.linked(m[1]!, m[2]!) ? s.getBlob(m[2]!) : undefined;
    if (blob === undefined) return error(404, 'BLOB_UNKNOWN', 'blob unknown to registry', m[2]);
    const res = reply(
      200,
      blob,
      { 'Docker-Content-Digest': m[2]!, Etag: `"${m[2]}"`, 'Cache-Control': 'max-age=31536000' },
      'application/octet-stream',
    );
    return req.method === 'HEAD' ? { ...res, body: '' } : res;
  }
  m = ROUTES.upload.exec(path);
  if (m) {
    const [, name, id] = m as unknown as [string, string, string];
    const digest = params.get('digest');
    const mount = params.get('mount');
    const from = params.get('from');
    // a cross-repository mount: linked at once when the source repository has the blob
    if (req.method === 'POST' && mount && from && s.linked(from, mount)) {
      s.linkLayer(name, mount);
      return reply(201, '', { Location: `/v2/${name}/blobs/${mount}`, 'Docker-Content-Digest': mount });
    }
    if (req.method === 'POST' && digest) {
      s.putBlob(req.body, digest);
      s.linkLayer(name, digest);
      return reply(201, '', { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
    }
    if (req.method === 'POST') {
      const uuid = api.newUploadId();
      api.uploads.set(uuid, '');
      return reply(202, '', {
        Location: `/v2/${name}/blobs/uploads/${uuid}`,
        Range: '0-0',
        'Docker-Upload-Uuid': uuid,
      });
    }
    if (!api.uploads.has(id)) return error(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
    if (req.method === 'DELETE') {
      api.uploads.delete(id);
      return reply(204, '');
    }
    const data = api.uploads.get(id)! + req.body;
    if (req.method === 'PATCH') {
      api.uploads.set(id, data);
      return reply(202, '', {
        Location: `/v2/${name}/blobs/uploads/${id}`,
        Range: `0-${Math.max(0, data.length - 1)}`,
        'Docker-Upload-Uuid': id,
      });
    }
    if (req.method === 'PUT' && digest) {
      api.uploads.delete(id);
      s.putBlob(data, digest);
      s.linkLayer(name, digest);
      return reply(201, '', { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
    }
    return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
  }
  return reply(404, '404 page not found\n', {}, 'text/plain; charset=utf-8');
}
