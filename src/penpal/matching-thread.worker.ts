import { serveThread } from '../common/threads/run-in-thread';
import { matchPenpals, MatchingInput } from './matching';

serveThread((input: MatchingInput, progress) => matchPenpals({ ...input, onProgress: progress }));
