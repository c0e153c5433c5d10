/** What a request from anything but the app's own window gets (ipc.ts; the end-to-end harness answers the same). */
export const REFUSED_MESSAGE = 'Request refused: not from the Sole Notes window.';
