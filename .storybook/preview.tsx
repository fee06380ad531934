import type { Preview } from '@storybook/react-vite';
import { isCommonAssetRequest } from 'msw';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { handlers } from '../test/mocks/handlers.js';

// Storybook's own module and asset requests pass through; any other request that no
// handler answers is a console error, which fails the Storybook smoke test.
const storybookRequest = /iframe\.html|sb-common-assets|sb-vite|@vite|\/virtual:|\.stories\./;

async function startWorker() {
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (isCommonAssetRequest(request) || storybookRequest.test(request.url)) return;
      print.error();
    },
  });
  return worker;
}

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  parameters: { msw: { handlers } },
};

export default preview;
