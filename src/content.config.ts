/**
 * The site's content. Lessons live in src/content/lessons/<module>/ and are read twice:
 *
 * - `lessons`, checked strictly against the lesson schema (src/content/lesson-schema.ts):
 *   a missing or mistyped field fails the build, naming the file and the field;
 * - `docs`, Starlight's own collection, which renders every page with its layout
 *   (navigation, search, dark mode, prev/next). It holds src/content/docs/ (the course
 *   home) and the lessons, at /lessons/<module>/<lesson>/; the lesson fields are
 *   optional there, since the home page has none.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonFields, lessonSchema } from './content/lesson-schema.ts';

const PAGES = '**/[^_]*.{md,mdx}';

/** `docs/index.mdx` → `index`, `lessons/containers/first-container.mdx` → `lessons/containers/first-container` */
function pageId({ entry, data }: { entry: string; data: Record<string, unknown> }): string {
  if (typeof data.slug === 'string') return data.slug;
  return entry
    .replace(/^docs\//, '')
    .replace(/\.mdx?$/, '')
    .toLowerCase();
}

const lessonPageFields = z.object({
  module: lessonFields.module.optional(),
  order: lessonFields.order.optional(),
  duration: lessonFields.duration.optional(),
  objectives: lessonFields.objectives.optional(),
  kind: lessonFields.kind,
  lab: lessonFields.lab,
});

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './src/content', pattern: `{docs,lessons}/${PAGES}`, generateId: pageId }),
    // a lesson's `order` places it in its sidebar group unless it says otherwise
    schema: (context) =>
      docsSchema({ extend: lessonPageFields })(context).transform((page) => ({
        ...page,
        sidebar: { ...page.sidebar, order: page.sidebar.order ?? page.order },
      })),
  }),
  lessons: defineCollection({
    loader: glob({ base: './src/content/lessons', pattern: PAGES }),
    schema: lessonSchema,
  }),
};
