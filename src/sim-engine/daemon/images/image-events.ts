/**
 * LogImageEvent (moby daemon/images/image_events.go): an image event carries the
 * image's labels while the image still exists (not on `delete`), and a `name`.
 */
import type { Daemon } from '../daemon.ts';

export function logImageEvent(d: Daemon, imageId: string, refName: string, action: string): void {
  const attributes: Record<string, string> = { ...(d.images.find(imageId)?.config.Labels ?? {}) };
  if (refName !== '') attributes['name'] = refName;
  d.events.log(d.instant(), 'image', action, imageId, attributes);
}
