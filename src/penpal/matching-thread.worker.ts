import { serveThread } from '../common/threads/run-in-thread';
import { matchPenpals, MatchingInput } from './matching';
import { startMatchingHelper } from './matching-helper';

serveThread((input: MatchingInput, progress) => {
  const helper = startMatchingHelper(input.participants.length);
  try {
    return matchPenpals({ ...input, onProgress: progress }, helper ?? undefined);
  } finally {
    helper?.close();
  }
});
