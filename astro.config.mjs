// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { MODULES } from './src/content/modules.ts';

/** A sidebar group per module that has lessons, in course order. */
const moduleGroups = MODULES.filter((m) => existsSync(`src/content/lessons/${m.id}`)).map((m) => ({
  label: m.title,
  items: [{ autogenerate: { directory: `lessons/${m.id}` } }],
}));

export default defineConfig({
  integrations: [
    starlight({
      title: 'Dockyard',
      description: 'Learn Docker by doing it, in a Docker engine and swarm simulated in your browser.',
      sidebar: [{ label: 'Start here', items: [{ label: 'Course home', link: '/' }] }, ...moduleGroups],
      components: {
        // lessons: intro above the text, the lab panel below it
        MarkdownContent: './src/components/LessonContent.astro',
      },
    }),
  ],
});
