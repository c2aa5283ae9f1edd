/**
 * The compose file schemas `docker stack deploy` validates with — the keys and types of
 * docker/cli's cli/compose/schema/data/config_schema_v3.0 … v3.13.json, written here as
 * one schema whose parts carry the file version they appeared in. `schemaFor("3.8")`
 * is what config_schema_v3.8.json describes.
 */
import type { JsonType, Schema } from './types.ts';

/** The versions docker/cli ships a schema for. */
export const VERSIONS = [
  '3.0',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '3.6',
  '3.7',
  '3.8',
  '3.9',
  '3.10',
  '3.11',
  '3.12',
  '3.13',
] as const;

const t = (...type: JsonType[]): Schema => ({ type });
const str = t('string');
const bool = t('boolean');
const int = t('integer');
const num = t('number');
const duration: Schema = { type: ['string'], format: 'duration' };
const strict = (properties: Record<string, Schema>): Schema => ({
  type: ['object'],
  properties,
  additionalProperties: false,
});
/** Go's `.` matches any character but a newline */
const ANY_KEY = /[^\n]+/;
const ANY_KEY_ANCHORED = /^[^\n]+$/;
const NAME = /^[a-zA-Z0-9._-]+$/;
const EXTENSION = /^x-/;

const listOfStrings: Schema = { type: ['array'], items: str, uniqueItems: true };
const stringOrList: Schema = { oneOf: [str, listOfStrings] };
const listOrDict: Schema = {
  oneOf: [
    {
      type: ['object'],
      patternProperties: [[ANY_KEY, t('string', 'number', 'null')]],
      additionalProperties: false,
    },
    { type: ['array'], items: str, uniqueItems: true },
  ],
};
const uniqueStrings: Schema = { type: ['array'], items: str, uniqueItems: true };
const driverOpts: Schema = {
  type: ['object'],
  patternProperties: [[ANY_KEY_ANCHORED, t('string', 'number')]],
};
const external: Schema = {
  type: ['boolean', 'object'],
  properties: { name: str },
  additionalProperties: false,
};

/** The parts of a schema that exist from a version on. */
function since(version: number, at: number, props: Record<string, Schema>): Record<string, Schema> {
  return at >= version ? props : {};
}

const cache = new Map<string, Schema>();

/** The schema of config_schema_v<version>.json; undefined for a version docker/cli has none for. */
export function schemaFor(version: string): Schema | undefined {
  if (!(VERSIONS as readonly string[]).includes(version)) return undefined;
  let s = cache.get(version);
  if (!s) cache.set(version, (s = build(Number(version.split('.')[1]))));
  return s;
}

/** The schema of 3.<v>. */
function build(v: number): Schema {
  const extensions: [RegExp, Schema][] = v >= 7 ? [[EXTENSION, {}]] : [];
  const withExtensions = (properties: Record<string, Schema>): Schema => ({
    type: ['object'],
    properties,
    patternProperties: extensions,
    additionalProperties: false,
  });

  const healthcheck = strict({
    disable: bool,
    interval: v >= 4 ? duration : str,
    retries: num,
    test: { oneOf: [str, { type: ['array'], items: str }] },
    timeout: v >= 4 ? duration : str,
    ...since(4, v, { start_period: duration }),
    ...since(12, v, { start_interval: duration }),
  });

  const updateConfig = (order: boolean) =>
    strict({
      parallelism: int,
      delay: duration,
      failure_action: str,
      monitor: duration,
      max_failure_ratio: num,
      ...(order ? { order: { type: ['string'], enum: ['"start-first"', '"stop-first"'] } } : {}),
    });

  const genericResources: Schema = {
    type: ['array'],
    items: strict({ discrete_resource_spec: strict({ kind: str, value: num }) }),
  };

  const deployment: Schema = {
    type: ['object', 'null'],
    properties: {
      mode: str,
      ...since(2, v, { endpoint_mode: str }),
      replicas: int,
      labels: listOrDict,
      ...since(7, v, { rollback_config: updateConfig(true) }),
      update_config: updateConfig(v >= 4),
      resources: strict({
        limits: strict({ cpus: str, memory: str, ...since(9, v, { pids: int }) }),
        reservations: strict({
          cpus: str,
          memory: str,
          ...since(5, v, { generic_resources: genericResources }),
        }),
      }),
      restart_policy: strict({ condition: str, delay: duration, max_attempts: int, window: duration }),
      placement: strict({
        constraints: { type: ['array'], items: str },
        ...since(3, v, { preferences: { type: ['array'], items: strict({ spread: str }) } }),
        ...since(8, v, { max_replicas_per_node: int }),
      }),
    },
    additionalProperties: false,
  };

  const fileReference: Schema = {
    type: ['array'],
    items: {
      oneOf: [
        str,
        { type: ['object'], properties: { source: str, target: str, uid: str, gid: str, mode: num } },
      ],
    },
  };

  const ports: Schema =
    v >= 2
      ? {
          type: ['array'],
          items: {
            oneOf: [
              { type: ['number'], format: 'ports' },
              { type: ['string'], format: 'ports' },
              strict({ mode: str, target: int, published: int, protocol: str }),
            ],
          },
          uniqueItems: true,
        }
      : { type: ['array'], items: { type: ['string', 'number'], format: 'ports' }, uniqueItems: true };

  const volumes: Schema =
    v >= 2
      ? {
          type: ['array'],
          items: {
            oneOf: [
              str,
              {
                type: ['object'],
                required: ['type'],
                properties: {
                  type: str,
                  source: str,
                  target: str,
                  read_only: bool,
                  consistency: str,
                  bind: { type: ['object'], properties: { propagation: str } },
                  volume: { type: ['object'], properties: { nocopy: bool } },
                  ...since(6, v, {
                    tmpfs: { type: ['object'], properties: { size: { type: ['integer'], minimum: 0 } } },
                  }),
                },
                additionalProperties: false,
              },
            ],
            uniqueItems: true,
          },
        }
      : { type: ['array'], items: str, uniqueItems: true };

  const serviceNetwork: Schema = {
    oneOf: [
      strict({
        aliases: listOfStrings,
        ...since(13, v, { driver_opts: driverOpts }),
        ipv4_address: str,
        ipv6_address: str,
      }),
      t('null'),
    ],
  };

  const service = withExtensions({
    deploy: deployment,
    build: {
      oneOf: [
        str,
        {
          type: ['object'],
          properties: {
            context: str,
            dockerfile: str,
            args: listOrDict,
            ...since(3, v, { labels: listOrDict }),
            ...since(2, v, { cache_from: listOfStrings }),
            ...since(4, v, { network: str, target: str }),
            ...since(5, v, { shm_size: t('integer', 'string') }),
            ...since(9, v, { extra_hosts: listOrDict }),
          },
          ...(v >= 11 ? {} : { additionalProperties: false as const }),
        },
      ],
    },
    cap_add: uniqueStrings,
    cap_drop: uniqueStrings,
    ...since(9, v, { cgroupns_mode: str }),
    cgroup_parent: str,
    command: { oneOf: [str, { type: ['array'], items: str }] },
    ...since(3, v, { configs: fileReference }),
    container_name: str,
    ...since(3, v, {
      credential_spec: strict({ ...since(8, v, { config: str }), file: str, registry: str }),
    }),
    depends_on: listOfStrings,
    devices: uniqueStrings,
    dns: stringOrList,
    dns_search: stringOrList,
    domainname: str,
    entrypoint: { oneOf: [str, { type: ['array'], items: str }] },
    env_file: stringOrList,
    environment: listOrDict,
    expose: { type: ['array'], items: { type: ['string', 'number'], format: 'expose' }, uniqueItems: true },
    external_links: uniqueStrings,
    extra_hosts: listOrDict,
    healthcheck,
    hostname: str,
    image: str,
    ...since(7, v, { init: bool }),
    ipc: str,
    ...since(5, v, { isolation: str }),
    labels: listOrDict,
    links: uniqueStrings,
    logging: strict({
      driver: str,
      options: { type: ['object'], patternProperties: [[ANY_KEY_ANCHORED, t('string', 'number', 'null')]] },
    }),
    mac_address: str,
    network_mode: str,
    networks: {
      oneOf: [
        listOfStrings,
        { type: ['object'], patternProperties: [[NAME, serviceNetwork]], additionalProperties: false },
      ],
    },
    pid: t('string', 'null'),
    ports,
    privileged: bool,
    read_only: bool,
    restart: str,
    security_opt: uniqueStrings,
    shm_size: t('number', 'string'),
    ...since(1, v, { secrets: fileReference }),
    sysctls: listOrDict,
    stdin_open: bool,
    stop_grace_period: duration,
    stop_signal: str,
    tmpfs: stringOrList,
    tty: bool,
    ulimits: {
      type: ['object'],
      patternProperties: [
        [
          /^[a-z]+$/,
          {
            oneOf: [
              int,
              {
                type: ['object'],
                properties: { hard: int, soft: int },
                required: ['soft', 'hard'],
                additionalProperties: false,
              },
            ],
          },
        ],
      ],
    },
    ...since(13, v, { oom_score_adj: int }),
    user: str,
    userns_mode: str,
    volumes,
    working_dir: str,
  });

  const network = withExtensions({
    ...since(5, v, { name: str }),
    driver: str,
    driver_opts: driverOpts,
    ipam: strict({ driver: str, config: { type: ['array'], items: strict({ subnet: str }) } }),
    external,
    internal: bool,
    ...since(2, v, { attachable: bool }),
    labels: listOrDict,
  });
  network.type = ['object', 'null'];

  const segments: Schema = {
    type: ['array'],
    items: { type: ['object'], properties: { segments: listOrDict } },
  };
  const volume = withExtensions({
    ...since(4, v, { name: str }),
    driver: str,
    driver_opts: driverOpts,
    external,
    labels: listOrDict,
    ...since(10, v, {
      'x-cluster-spec': {
        type: ['object'],
        properties: {
          group: str,
          access_mode: {
            type: ['object'],
            properties: {
              scope: str,
              sharing: str,
              block_volume: t('object'),
              mount_volume: {
                type: ['object'],
                properties: { fs_type: str, mount_flags: { type: ['array'], items: str } },
              },
            },
          },
          accessibility_requirements: {
            type: ['object'],
            properties: { requisite: segments, preferred: segments },
          },
          capacity_range: { type: ['object'], properties: { required_bytes: str, limit_bytes: str } },
          availability: str,
        },
      },
    }),
  });
  volume.type = ['object', 'null'];

  const fileObjectExternal: Schema = { type: ['boolean', 'object'], properties: { name: str } };
  const secret = withExtensions({
    ...since(5, v, { name: str }),
    file: str,
    external: fileObjectExternal,
    labels: listOrDict,
    ...since(8, v, { driver: str, driver_opts: driverOpts, template_driver: str }),
  });
  const config = withExtensions({
    ...since(5, v, { name: str }),
    file: str,
    external: fileObjectExternal,
    labels: listOrDict,
    ...since(8, v, { template_driver: str }),
  });

  const section = (s: Schema, closed = true): Schema => ({
    type: ['object'],
    patternProperties: [[NAME, s]],
    ...(closed ? { additionalProperties: false as const } : {}),
  });

  return {
    type: ['object'],
    properties: {
      version: str,
      services: section(service),
      // docker/cli never closed the networks section: any network name passes
      networks: section(network, false),
      volumes: section(volume),
      ...since(1, v, { secrets: section(secret) }),
      ...since(3, v, { configs: section(config) }),
    },
    patternProperties: v >= 4 ? [[EXTENSION, {}]] : [],
    additionalProperties: false,
    // never fails: a file without `version` is read as 3.13, which does not require it
    ...(v <= 9 ? { required: ['version'] } : {}),
  };
}
