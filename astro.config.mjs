// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Dockyard',
      description: 'Learn Docker by doing it, in a Docker engine and swarm simulated in your browser.',
      sidebar: [{ label: 'Start here', items: [{ label: 'Welcome', link: '/' }] }],
    }),
  ],
});
