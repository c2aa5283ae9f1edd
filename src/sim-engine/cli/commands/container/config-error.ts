/** A mistake in `docker run`/`create` flags that docker/cli reports before calling the daemon. */
export class ConfigError extends Error {}
