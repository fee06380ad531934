import type { Meta, StoryObj } from '@storybook/react-vite';

interface Health {
  status: string;
  version: string;
}

/** Proves the Storybook set-up: a story whose data comes through msw from test/mocks. */
function HealthCheck({ health }: { health: Health }) {
  return (
    <output data-testid="health" data-state="ready">
      server {health.status}, version {health.version}
    </output>
  );
}

const meta = {
  title: 'Foundation/Setup check',
  component: HealthCheck,
} satisfies Meta<typeof HealthCheck>;

export default meta;

export const MockedServer: StoryObj<typeof meta> = {
  args: { health: { status: 'unknown', version: '-' } },
  loaders: [async () => ({ health: (await (await fetch('/healthz')).json()) as Health })],
  render: (_args, { loaded }) => <HealthCheck health={loaded.health as Health} />,
};
