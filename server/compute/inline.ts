import { ahead } from './tasks.ts';
import type { RoundWork } from './work.ts';

/** The heavy work on the calling thread, one turn later: for unit tests of a room and for tiny setups. */
export const inlineWork: RoundWork = {
  ahead: (input) =>
    new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(ahead(input));
        } catch (e) {
          reject(e);
        }
      }),
    ),
  close: async () => {},
};
