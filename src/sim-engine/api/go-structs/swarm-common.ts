/**
 * github.com/docker/docker/api/types/swarm common.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): the metadata every swarm object embeds.
 */
import { embeddedField, type GoStructType, goField as f } from '../../golang/go-structs.ts';

const O = ',omitempty';

export const SWARM_COMMON: Record<string, GoStructType> = {
  'swarm.Version': {
    fields: [f('Index', 'uint64', O)],
    // Version.String: the index in decimal (`{{.Version}}` prints `12`)
    methods: { String: (v) => String(v['Index']) },
  },
  'swarm.Meta': {
    fields: [
      f('Version', 'swarm.Version', O),
      f('CreatedAt', 'time.Time', O),
      f('UpdatedAt', 'time.Time', O),
    ],
  },
  'swarm.Annotations': {
    fields: [f('Name', 'string', O), f('Labels', 'map[string]string', 'Labels')],
  },
  'swarm.Driver': {
    fields: [f('Name', 'string', O), f('Options', 'map[string]string', O)],
  },
  'swarm.TLSInfo': {
    fields: [
      f('TrustRoot', 'string', O),
      f('CertIssuerSubject', '[]byte', O),
      f('CertIssuerPublicKey', '[]byte', O),
    ],
  },
};

/** The embedded metadata of swarm objects: ID, then Meta's Version, CreatedAt, UpdatedAt. */
export const META = embeddedField('swarm.Meta');
export const ANNOTATIONS = embeddedField('swarm.Annotations');
