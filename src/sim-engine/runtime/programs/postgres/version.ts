/** Which PostgreSQL an image carries, from its environment (PG_MAJOR, PG_VERSION). */
import type { ProcessContext } from '../../../process/types.ts';

export interface PgVersion {
  major: number;
  /** `16.15` */
  full: string;
  /** `16.15 (Debian 16.15-1.pgdg13+2)`, as `postgres --version` and psql's banner say */
  long: string;
  /** the `starting PostgreSQL …` line's text */
  banner: string;
  alpine: boolean;
}

export function pgVersion(ctx: ProcessContext): PgVersion {
  const pkg = ctx.env.get('PG_VERSION') ?? '16.15-1.pgdg13+2';
  const full = pkg.split('-')[0]!;
  const major = Number(ctx.env.get('PG_MAJOR') ?? full.split('.')[0]);
  const alpine = !pkg.includes('-');
  const long = alpine ? full : `${full} (Debian ${pkg})`;
  const gcc = alpine ? 'gcc (Alpine 15.2.0) 15.2.0' : 'gcc (Debian 14.2.0-19) 14.2.0';
  return {
    major,
    full,
    long,
    banner: `PostgreSQL ${long} on x86_64-pc-linux-${alpine ? 'musl' : 'gnu'}, compiled by ${gcc}, 64-bit`,
    alpine,
  };
}

export function pgdata(ctx: ProcessContext, v: PgVersion): string {
  return (
    ctx.env.get('PGDATA') ??
    (v.major >= 18 ? `/var/lib/postgresql/${v.major}/docker` : '/var/lib/postgresql/data')
  );
}
