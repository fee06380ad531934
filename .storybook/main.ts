import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['msw-storybook-addon'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // Stories import the workspace packages from their TypeScript sources.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      conditions: ['source', 'module', 'browser', 'development|production'],
    },
    // Storybook's own iframe chunk is over a megabyte; that is normal, not a warning.
    build: { ...viteConfig.build, chunkSizeWarningLimit: 4096 },
  }),
};

export default config;
