/**
 * Config routes (moby api/server/router/swarm/cluster_routes.go getConfigs,
 * createConfig, getConfig, removeConfig, updateConfig, backed by
 * daemon/cluster/configs.go): the secrets' handlers for the other kind. Unlike a
 * secret, a config is shown with its data.
 */
import { CONFIG } from '../../swarm/secrets/control.ts';
import { objectRoutes } from './secrets.ts';

export const configRoutes = objectRoutes(CONFIG);
